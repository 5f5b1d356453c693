/**
 * The one reader of `process.env`. Every setting is parsed and checked once at start-up;
 * a bad configuration lists every problem and stops the process (see `loadConfigOrExit`).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SuggestionLimits } from '../modules/suggestions/suggestions.deadlines.ts';

export type DatabaseConfig =
  { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; schema?: string; poolSize: number };

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  database: DatabaseConfig;
  /** 32-byte master key (hex) from which the phone cipher, blind index and audit HMAC keys are derived. */
  secretKey: Buffer;
  /** Where the secret came from, so start-up can warn when a generated development key is in use. */
  secretSource: 'env' | 'file' | 'ephemeral';
  session: { idleMinutes: number; absoluteHours: number; cookieSecure: boolean };
  auth: { maxFailedLogins: number; lockMinutes: number; passwordMaxAgeDays: number };
  argon2: { memoryCost: number; timeCost: number; parallelism: number };
  http: {
    bodyLimitBytes: number;
    uploadLimitBytes: number;
    trustProxy: boolean;
    loginRateLimitPerMinute: number;
  };
  /** Where the public pages live, for the URLs printed in QR codes and SMS messages. */
  publicBaseUrl: string;
  /** The opinion loop's deadlines and limits (DESIGN.md §4.1 defaults). */
  opinions: {
    ackWorkingDays: number;
    signWorkingDays: number;
    replyWorkingDays: number;
    rehandleWorkingDays: number;
    feedbackDays: number;
    maxRehandleRounds: number;
    dueSoonWorkingDays: number;
    maxExtensionWorkingDays: number;
    maxPhotos: number;
    maxPhotoBytes: number;
    /** Public submissions per IP address per minute. */
    publicPerIpPerMinute: number;
    /** Public submissions per phone number per day. */
    publicPerPhonePerDay: number;
  };
  /** Representatives' suggestions and motions: deadlines and rules (DESIGN.md §4.2 defaults). */
  suggestions: SuggestionLimits;
  notifications: {
    sms: 'file' | 'console' | 'none';
    email: 'file' | 'console' | 'smtp' | 'none';
    /** nodemailer transport URL, e.g. smtps://user:pass@smtp.example.gov.cn:465 */
    smtpUrl: string | null;
    mailFrom: string;
  };
  /** The in-process scheduler (reminders, escalations, feedback timeouts, the outbox). */
  scheduler: { enabled: boolean; intervalSeconds: number };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Seed the demo data set when the database is empty (on by default for `npm start`). */
  demoData: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
    return fallback;
  }
  return n;
}

function bool(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  problems.push(`${name} must be true or false (got "${raw}")`);
  return fallback;
}

function oneOf<T extends string>(
  env: Env,
  name: string,
  values: readonly T[],
  fallback: T,
  problems: string[],
): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if ((values as readonly string[]).includes(raw)) return raw as T;
  problems.push(`${name} must be one of ${values.join(', ')} (got "${raw}")`);
  return fallback;
}

function parseDatabase(env: Env, dataDir: string, problems: string[]): DatabaseConfig {
  const url = env.DATABASE_URL;
  if (!url) return { kind: 'sqlite', file: path.join(dataDir, 'liaison.db') };
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const poolSize = int(env, 'DATABASE_POOL_SIZE', 10, 1, 200, problems);
    const schema = env.DATABASE_SCHEMA || undefined;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      problems.push('DATABASE_SCHEMA must be a lower-case SQL identifier');
    }
    return { kind: 'postgres', url, poolSize, ...(schema ? { schema } : {}) };
  }
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!file) problems.push('DATABASE_URL sqlite:<file> needs a file name');
    return { kind: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
  }
  problems.push('DATABASE_URL must start with postgres://, postgresql:// or sqlite:');
  return { kind: 'sqlite', file: path.join(dataDir, 'liaison.db') };
}

/**
 * The master secret: LIAISON_SECRET (64 hex chars) in production; in development a key is
 * generated once and kept in `<dataDir>/secret.key` so encrypted phone numbers stay readable
 * across restarts.
 */
function resolveSecret(
  env: Env,
  dataDir: string,
  mode: Config['env'],
  problems: string[],
): { key: Buffer; source: Config['secretSource'] } {
  const raw = env.LIAISON_SECRET;
  if (raw) {
    if (!/^[0-9a-fA-F]{64}$/.test(raw)) {
      problems.push('LIAISON_SECRET must be 64 hexadecimal characters (32 bytes)');
      return { key: randomBytes(32), source: 'ephemeral' };
    }
    return { key: Buffer.from(raw, 'hex'), source: 'env' };
  }
  if (mode === 'production') {
    problems.push('LIAISON_SECRET is required in production (generate one with: openssl rand -hex 32)');
    return { key: randomBytes(32), source: 'ephemeral' };
  }
  if (mode === 'test') return { key: randomBytes(32), source: 'ephemeral' };
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(text)) return { key: Buffer.from(text, 'hex'), source: 'file' };
    problems.push(`${file} is not a 64-character hex key`);
    return { key: randomBytes(32), source: 'ephemeral' };
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600 });
  return { key, source: 'file' };
}

/** Parse a configuration from an environment map. Throws ConfigError listing every problem. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const nodeEnv = env.NODE_ENV ?? 'development';
  const mode: Config['env'] =
    nodeEnv === 'production' ? 'production' : nodeEnv === 'test' ? 'test' : 'development';
  const dataDir = path.resolve(env.LIAISON_DATA_DIR || 'data');
  const database = parseDatabase(env, dataDir, problems);
  const secret = resolveSecret(env, dataDir, mode, problems);
  const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
  const logLevel = (env.LOG_LEVEL ?? (mode === 'test' ? 'silent' : 'info')) as Config['logLevel'];
  if (!logLevels.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${logLevels.join(', ')}`);
  const config: Config = {
    env: mode,
    host: env.HOST || '0.0.0.0',
    port: int(env, 'PORT', 3000, 0, 65535, problems),
    dataDir,
    database,
    secretKey: secret.key,
    secretSource: secret.source,
    session: {
      idleMinutes: int(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60, problems),
      absoluteHours: int(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 30, problems),
      cookieSecure: bool(env, 'COOKIE_SECURE', mode === 'production', problems),
    },
    auth: {
      maxFailedLogins: int(env, 'AUTH_MAX_FAILED_LOGINS', 5, 1, 100, problems),
      lockMinutes: int(env, 'AUTH_LOCK_MINUTES', 15, 1, 24 * 60, problems),
      passwordMaxAgeDays: int(env, 'PASSWORD_MAX_AGE_DAYS', 90, 0, 3650, problems),
    },
    argon2: {
      // OWASP's recommended minimum for argon2id is 19 MiB, 2 passes; tests may lower it.
      memoryCost: int(env, 'ARGON2_MEMORY_KIB', 19456, 1024, 1 << 20, problems),
      timeCost: int(env, 'ARGON2_TIME_COST', 2, 1, 10, problems),
      parallelism: 1,
    },
    http: {
      bodyLimitBytes: int(env, 'HTTP_BODY_LIMIT_BYTES', 1 << 20, 1024, 100 << 20, problems),
      uploadLimitBytes: int(env, 'HTTP_UPLOAD_LIMIT_BYTES', 20 << 20, 1024, 500 << 20, problems),
      trustProxy: bool(env, 'TRUST_PROXY', false, problems),
      loginRateLimitPerMinute: int(env, 'LOGIN_RATE_LIMIT_PER_MINUTE', 20, 1, 10000, problems),
    },
    publicBaseUrl: (env.PUBLIC_BASE_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, ''),
    opinions: {
      ackWorkingDays: int(env, 'OPINION_ACK_WORKING_DAYS', 2, 0, 60, problems),
      signWorkingDays: int(env, 'OPINION_SIGN_WORKING_DAYS', 1, 0, 60, problems),
      replyWorkingDays: int(env, 'OPINION_REPLY_WORKING_DAYS', 15, 1, 250, problems),
      rehandleWorkingDays: int(env, 'OPINION_REHANDLE_WORKING_DAYS', 10, 1, 250, problems),
      feedbackDays: int(env, 'OPINION_FEEDBACK_DAYS', 7, 1, 90, problems),
      maxRehandleRounds: int(env, 'OPINION_MAX_REHANDLE_ROUNDS', 1, 0, 5, problems),
      dueSoonWorkingDays: int(env, 'OPINION_DUE_SOON_WORKING_DAYS', 2, 0, 30, problems),
      maxExtensionWorkingDays: int(env, 'OPINION_MAX_EXTENSION_WORKING_DAYS', 15, 1, 250, problems),
      maxPhotos: int(env, 'OPINION_MAX_PHOTOS', 3, 0, 10, problems),
      maxPhotoBytes: int(env, 'OPINION_MAX_PHOTO_BYTES', 5 << 20, 1024, 50 << 20, problems),
      publicPerIpPerMinute: int(env, 'PUBLIC_SUBMISSIONS_PER_IP_PER_MINUTE', 10, 1, 1_000_000, problems),
      publicPerPhonePerDay: int(env, 'PUBLIC_SUBMISSIONS_PER_PHONE_PER_DAY', 10, 1, 1_000_000, problems),
    },
    suggestions: {
      returnWorkingDays: int(env, 'SUGGESTION_RETURN_WORKING_DAYS', 5, 0, 60, problems),
      coOpinionMonths: int(env, 'SUGGESTION_CO_OPINION_MONTHS', 1, 1, 6, problems),
      replyMonths: int(env, 'SUGGESTION_REPLY_MONTHS', 3, 1, 12, problems),
      maxReplyMonths: int(env, 'SUGGESTION_MAX_REPLY_MONTHS', 6, 1, 12, problems),
      evaluationWorkingDays: int(env, 'SUGGESTION_EVALUATION_WORKING_DAYS', 15, 1, 120, problems),
      rehandleMonths: int(env, 'SUGGESTION_REHANDLE_MONTHS', 1, 1, 6, problems),
      maxRehandleRounds: int(env, 'SUGGESTION_MAX_REHANDLE_ROUNDS', 1, 0, 5, problems),
      dueSoonWorkingDays: int(env, 'SUGGESTION_DUE_SOON_WORKING_DAYS', 10, 0, 60, problems),
      minMotionCosigners: int(env, 'MOTION_MIN_COSIGNERS', 10, 1, 100, problems),
      minMotionCosignersTownship: int(env, 'MOTION_MIN_COSIGNERS_TOWNSHIP', 5, 1, 100, problems),
    },
    notifications: {
      sms: oneOf(env, 'SMS_SENDER', ['file', 'console', 'none'] as const, 'file', problems),
      email: oneOf(
        env,
        'EMAIL_SENDER',
        ['file', 'console', 'smtp', 'none'] as const,
        env.SMTP_URL ? 'smtp' : 'file',
        problems,
      ),
      smtpUrl: env.SMTP_URL || null,
      mailFrom: env.MAIL_FROM || 'Liaison <no-reply@localhost>',
    },
    scheduler: {
      enabled: bool(env, 'SCHEDULER', mode !== 'test', problems),
      intervalSeconds: int(env, 'SCHEDULER_INTERVAL_SECONDS', 60, 1, 3600, problems),
    },
    logLevel,
    demoData: bool(env, 'DEMO_DATA', mode !== 'production', problems),
  };
  if (config.notifications.email === 'smtp' && !config.notifications.smtpUrl)
    problems.push('EMAIL_SENDER=smtp needs SMTP_URL');
  if (config.suggestions.maxReplyMonths < config.suggestions.replyMonths)
    problems.push('SUGGESTION_MAX_REPLY_MONTHS must not be less than SUGGESTION_REPLY_MONTHS');
  if (!/^https?:\/\//.test(config.publicBaseUrl))
    problems.push('PUBLIC_BASE_URL must start with http:// or https://');
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** For entry points: load the configuration or print every problem and exit with status 78 (EX_CONFIG). */
export function loadConfigOrExit(env: Env = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
}
