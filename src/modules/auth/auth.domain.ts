/**
 * Accounts as the domain sees them: roles (DESIGN.md §2), the acting user, the password policy,
 * log-in lockout and session expiry. Pure functions; the service passes in the clock's time.
 */
import type { Bilingual, FieldError } from '../../platform/http/errors.ts';

export const BUSINESS_ROLES = [
  'representative', // 人大代表
  'liaison_officer', // 联络员
  'congress_staff', // 代表工委
  'unit_staff', // 承办单位
  'leader', // 领导
] as const;

/** 三员分立 (等保 level 3): three administrator roles, each held alone. */
export const ADMIN_ROLES = ['sys_admin', 'security_admin', 'audit_admin'] as const;

export const ROLES = [...BUSINESS_ROLES, ...ADMIN_ROLES] as const;
export type Role = (typeof ROLES)[number];
export type AdminRole = (typeof ADMIN_ROLES)[number];

export const ROLE_LABELS: Record<Role, Bilingual> = {
  representative: { zh: '人大代表', en: 'Representative' },
  liaison_officer: { zh: '联络员', en: 'Liaison officer' },
  congress_staff: { zh: '代表工委', en: 'Congress staff' },
  unit_staff: { zh: '承办单位', en: 'Handling-unit staff' },
  leader: { zh: '领导', en: 'Leader' },
  sys_admin: { zh: '系统管理员', en: 'System administrator' },
  security_admin: { zh: '安全管理员', en: 'Security administrator' },
  audit_admin: { zh: '审计管理员', en: 'Audit administrator' },
};

export function isAdminRole(role: string): role is AdminRole {
  return (ADMIN_ROLES as readonly string[]).includes(role);
}

export function isRole(role: string): role is Role {
  return (ROLES as readonly string[]).includes(role);
}

/** Who is acting: a signed-in user, or the system itself (CLI, seeding, scheduled jobs). */
export interface Actor {
  userId: number | null;
  username: string;
  displayName: string;
  roles: readonly Role[];
  jurisdictionId: number | null;
  /** Materialised path of the user's jurisdiction; '/' for the system (everything). */
  jurisdictionPath: string;
  representativeId: number | null;
  unitId: number | null;
  ip: string | null;
  /** True when the password is older than the policy allows: only changing it is permitted. */
  passwordExpired: boolean;
}

export const SYSTEM_ACTOR: Actor = {
  userId: null,
  username: 'system',
  displayName: '系统',
  roles: [],
  jurisdictionId: null,
  jurisdictionPath: '/',
  representativeId: null,
  unitId: null,
  ip: null,
  passwordExpired: false,
};

/**
 * A role set is valid when it is non-empty, and an administrator role is held alone:
 * the three administrators are separate people, and none of them handles business data.
 */
export function checkRoleSet(roles: readonly string[]): FieldError[] {
  if (roles.length === 0) {
    return [
      {
        path: '/roles',
        rule: 'minItems',
        message: { zh: '至少选择一个角色', en: 'Choose at least one role' },
      },
    ];
  }
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length > 0) {
    return [
      {
        path: '/roles',
        rule: 'enum',
        message: { zh: `未知角色：${unknown.join('、')}`, en: `Unknown role(s): ${unknown.join(', ')}` },
      },
    ];
  }
  if (roles.some(isAdminRole) && roles.length > 1) {
    return [
      {
        path: '/roles',
        rule: 'adminAlone',
        message: {
          zh: '管理员角色（系统、安全、审计）只能单独授予，不能与其他角色兼任',
          en: 'An administrator role (system, security, audit) must be held alone',
        },
      },
    ];
  }
  return [];
}

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * 等保 2.0 level 3 password complexity: at least 8 characters from at least three of
 * upper case, lower case, digits and symbols; not containing the user name; no run of
 * four identical characters.
 */
export function checkPasswordPolicy(password: string, username: string): FieldError[] {
  const problems: Bilingual[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) {
    problems.push({
      zh: `密码至少 ${PASSWORD_MIN_LENGTH} 位`,
      en: `At least ${PASSWORD_MIN_LENGTH} characters`,
    });
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    problems.push({
      zh: `密码不能超过 ${PASSWORD_MAX_LENGTH} 位`,
      en: `At most ${PASSWORD_MAX_LENGTH} characters`,
    });
  }
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) {
    problems.push({
      zh: '密码须包含大写字母、小写字母、数字、符号中的至少三类',
      en: 'Use at least three of: upper case, lower case, digits, symbols',
    });
  }
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push({ zh: '密码不能包含用户名', en: 'The password must not contain the user name' });
  }
  if (/(.)\1\1\1/.test(password)) {
    problems.push({ zh: '密码不能有连续四个相同字符', en: 'No character may repeat four times in a row' });
  }
  return problems.map((message) => ({ path: '/password', rule: 'passwordPolicy', message }));
}

export interface LockoutPolicy {
  maxFailedLogins: number;
  lockMinutes: number;
}

export interface LoginState {
  failedLogins: number;
  lockedUntil: string | null;
}

export function isLocked(state: LoginState, now: Date): boolean {
  return state.lockedUntil !== null && new Date(state.lockedUntil).getTime() > now.getTime();
}

/**
 * The state after a failed log-in. The count restarts once a lock has expired; reaching the
 * limit locks the account for the policy's minutes.
 */
export function afterFailedLogin(state: LoginState, now: Date, policy: LockoutPolicy): LoginState {
  const lockExpired = state.lockedUntil !== null && !isLocked(state, now);
  const failed = (lockExpired ? 0 : state.failedLogins) + 1;
  if (failed >= policy.maxFailedLogins) {
    return {
      failedLogins: failed,
      lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000).toISOString(),
    };
  }
  return { failedLogins: failed, lockedUntil: lockExpired ? null : state.lockedUntil };
}

export function isPasswordExpired(passwordChangedAt: string, now: Date, maxAgeDays: number): boolean {
  if (maxAgeDays <= 0) return false;
  return now.getTime() - new Date(passwordChangedAt).getTime() > maxAgeDays * 86_400_000;
}

export type SessionState = 'valid' | 'idle' | 'expired';

/** A session ends after `idleMinutes` without a request, or at its absolute expiry. */
export function sessionState(
  session: { lastSeenAt: string; expiresAt: string },
  now: Date,
  idleMinutes: number,
): SessionState {
  if (new Date(session.expiresAt).getTime() <= now.getTime()) return 'expired';
  if (now.getTime() - new Date(session.lastSeenAt).getTime() > idleMinutes * 60_000) return 'idle';
  return 'valid';
}
