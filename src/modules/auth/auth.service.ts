/**
 * Signing in and out, sessions, and changing one's own password. Sessions live in the database
 * (any number of app processes can serve a user); the cookie holds a random token whose SHA-256
 * is the session's key, so a copy of the database does not hand out live sessions.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { jurisdictionInScope } from '../../platform/db/lookup.ts';
import { GLOBAL_SCOPE } from '../../platform/db/scope.ts';
import { recordAudit, recordAuditAlone } from '../audit/audit.service.ts';
import { permissionsOf } from './auth.policy.ts';
import type { SessionUser } from './auth.schema.ts';
import {
  afterFailedLogin,
  checkPasswordPolicy,
  isLocked,
  isPasswordExpired,
  sessionState,
  SYSTEM_ACTOR,
  type Actor,
} from './auth.domain.ts';
import * as repo from './auth.repo.ts';

export async function hashPassword(ctx: AppContext, password: string): Promise<string> {
  // @node-rs/argon2 hashes with argon2id by default.
  return argonHash(password, {
    memoryCost: ctx.config.argon2.memoryCost,
    timeCost: ctx.config.argon2.timeCost,
    parallelism: ctx.config.argon2.parallelism,
  });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argonVerify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spend the same time on an unknown user name as on a wrong password, so timing reveals nothing. */
async function burnVerify(ctx: AppContext, password: string): Promise<void> {
  dummyHash ??= hashPassword(ctx, randomBytes(16).toString('hex'));
  await verifyPassword(await dummyHash, password);
}

export function sessionKey(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function actorFromUser(user: repo.UserRecord, ip: string | null, passwordExpired: boolean): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    jurisdictionId: user.jurisdictionId,
    jurisdictionPath: user.jurisdictionPath,
    representativeId: user.representativeId,
    unitId: user.unitId,
    ip,
    passwordExpired,
  };
}

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface LoginResult {
  token: string;
  sessionId: string;
  actor: Actor;
}

/** Check a user name and password; on success open a session. Every attempt is audited. */
export async function login(
  ctx: AppContext,
  username: string,
  password: string,
  meta: RequestMeta,
): Promise<LoginResult> {
  const now = ctx.clock.now();
  const db = ctx.database.db;
  const anonymous: Actor = { ...SYSTEM_ACTOR, username, displayName: username, ip: meta.ip };
  const user = await repo.findUserByUsername(db, username);
  if (!user) {
    await burnVerify(ctx, password);
    await recordAuditAlone(ctx, anonymous, {
      action: 'auth.login',
      success: false,
      jurisdictionId: null,
      detail: { reason: 'unknown_user' },
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  const who: Actor = actorFromUser(user, meta.ip, false);
  if (isLocked(user, now)) {
    await recordAuditAlone(ctx, who, { action: 'auth.login', success: false, detail: { reason: 'locked' } });
    throw new AppError(
      'ACCOUNT_LOCKED',
      {
        zh: `连续登录失败次数过多，账号已锁定至 ${formatBeijing(user.lockedUntil!)}`,
        en: `Too many failed sign-ins; the account is locked until ${user.lockedUntil!}`,
      },
      [],
      { lockedUntil: user.lockedUntil },
    );
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const next = afterFailedLogin(user, now, ctx.config.auth);
    await repo.setLoginState(db, user.id, next);
    const lockedNow = isLocked(next, now);
    await recordAuditAlone(ctx, who, {
      action: 'auth.login',
      success: false,
      detail: { reason: 'bad_password', failedLogins: next.failedLogins, locked: lockedNow },
    });
    if (lockedNow) {
      throw new AppError(
        'ACCOUNT_LOCKED',
        {
          zh: `连续 ${next.failedLogins} 次登录失败，账号已锁定 ${ctx.config.auth.lockMinutes} 分钟`,
          en: `${next.failedLogins} failed sign-ins in a row; the account is locked for ${ctx.config.auth.lockMinutes} minutes`,
        },
        [],
        { lockedUntil: next.lockedUntil },
      );
    }
    const left = ctx.config.auth.maxFailedLogins - next.failedLogins;
    throw new AppError(
      'INVALID_CREDENTIALS',
      {
        zh: `用户名或密码错误，再失败 ${left} 次账号将被锁定`,
        en: `Wrong user name or password; ${left} attempt(s) left before the account is locked`,
      },
      [],
      { remainingAttempts: left },
    );
  }
  if (user.status !== 'active') {
    await recordAuditAlone(ctx, who, {
      action: 'auth.login',
      success: false,
      detail: { reason: 'disabled' },
    });
    throw new AppError('ACCOUNT_DISABLED');
  }
  const token = randomBytes(32).toString('base64url');
  const id = sessionKey(token);
  const nowIso = now.toISOString();
  const expired = isPasswordExpired(user.passwordChangedAt, now, ctx.config.auth.passwordMaxAgeDays);
  await db.transaction().execute(async (trx) => {
    await repo.markLoginSuccess(trx, user.id, nowIso);
    await repo.insertSession(trx, {
      id,
      userId: user.id,
      now: nowIso,
      expiresAt: new Date(now.getTime() + ctx.config.session.absoluteHours * 3_600_000).toISOString(),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(ctx, trx, who, {
      action: 'auth.login',
      success: true,
      detail: { passwordExpired: expired },
    });
  });
  return { token, sessionId: id, actor: actorFromUser(user, meta.ip, expired) };
}

/** Beijing time for messages people read (the deployment's users are in UTC+8). */
function formatBeijing(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export type SessionLookup =
  { state: 'valid'; actor: Actor; sessionId: string } | { state: 'expired' } | { state: 'none' };

/** Resolve a session cookie to the acting user, ending sessions that idled out. */
export async function authenticate(
  ctx: AppContext,
  token: string,
  ip: string | null,
): Promise<SessionLookup> {
  const db = ctx.database.db;
  const id = sessionKey(token);
  const session = await repo.findSession(db, id);
  if (!session) return { state: 'none' };
  const now = ctx.clock.now();
  if (sessionState(session, now, ctx.config.session.idleMinutes) !== 'valid') {
    await repo.deleteSession(db, id);
    return { state: 'expired' };
  }
  const user = await repo.findUserById(db, { path: '/' }, session.userId);
  if (!user || user.status !== 'active') {
    await repo.deleteSession(db, id);
    return { state: 'expired' };
  }
  // Record activity at most once a minute: enough for a 30-minute idle limit, and cheap.
  if (now.getTime() - new Date(session.lastSeenAt).getTime() > 60_000) {
    await repo.touchSession(db, id, now.toISOString());
  }
  const expired = isPasswordExpired(user.passwordChangedAt, now, ctx.config.auth.passwordMaxAgeDays);
  return { state: 'valid', actor: actorFromUser(user, ip, expired), sessionId: id };
}

export async function logout(ctx: AppContext, sessionId: string, actor: Actor): Promise<void> {
  await ctx.database.db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, sessionId);
    await recordAudit(ctx, trx, actor, { action: 'auth.logout' });
  });
}

/** Change one's own password: the current one must be right and the new one must meet the policy. */
export async function changeOwnPassword(
  ctx: AppContext,
  actor: Actor,
  sessionId: string,
  current: string,
  next: string,
): Promise<void> {
  if (actor.userId === null) throw new AppError('UNAUTHENTICATED');
  const db = ctx.database.db;
  const user = await repo.findUserById(db, { path: '/' }, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.passwordHash, current))) {
    await recordAuditAlone(ctx, actor, {
      action: 'auth.password_change',
      success: false,
      entityType: 'user',
      entityId: user.id,
      detail: { reason: 'bad_current' },
    });
    throw new AppError('VALIDATION_FAILED', undefined, [
      {
        path: '/currentPassword',
        rule: 'mismatch',
        message: { zh: '当前密码不正确', en: 'The current password is wrong' },
      },
    ]);
  }
  const problems = checkPasswordPolicy(next, user.username).map((p) => ({ ...p, path: '/newPassword' }));
  if (next === current) {
    problems.push({
      path: '/newPassword',
      rule: 'unchanged',
      message: { zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
    });
  }
  if (problems.length > 0) throw new AppError('PASSWORD_POLICY', undefined, problems);
  const hash = await hashPassword(ctx, next);
  const now = ctx.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await repo.setPassword(trx, user.id, hash, now, now);
    // Other sessions of this user end: whoever knew the old password is signed out.
    await repo.deleteSessionsOfUser(trx, user.id, sessionId);
    await recordAudit(ctx, trx, actor, {
      action: 'auth.password_change',
      entityType: 'user',
      entityId: user.id,
    });
  });
}

/** The signed-in user as the client needs it: roles, permissions (to shape the menu), jurisdiction. */
export async function describeSession(ctx: AppContext, actor: Actor): Promise<SessionUser> {
  const j = actor.jurisdictionId
    ? await jurisdictionInScope(ctx.database.db, GLOBAL_SCOPE, actor.jurisdictionId)
    : undefined;
  return {
    id: actor.userId ?? 0,
    username: actor.username,
    displayName: actor.displayName,
    roles: [...actor.roles],
    permissions: permissionsOf(actor),
    jurisdiction: { id: j?.id ?? 0, name: j?.name ?? '', path: actor.jurisdictionPath },
    representativeId: actor.representativeId,
    unitId: actor.unitId,
    passwordExpired: actor.passwordExpired,
  };
}

/** Delete sessions that idled out or passed their absolute lifetime. */
export async function purgeExpiredSessions(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const idleBefore = new Date(now.getTime() - ctx.config.session.idleMinutes * 60_000).toISOString();
  return repo.purgeSessions(ctx.database.db, idleBefore, now.toISOString());
}
