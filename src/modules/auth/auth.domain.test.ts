import { describe, expect, it } from 'vitest';
import {
  afterFailedLogin,
  checkPasswordPolicy,
  checkRoleSet,
  isLocked,
  isPasswordExpired,
  sessionState,
} from './auth.domain.ts';

describe('password policy', () => {
  it.each([
    ['Liaison@2026', 'zhangsan', []],
    ['abcDEF12', 'zhangsan', []],
    ['short1A', 'zhangsan', ['passwordPolicy']],
    ['alllowercase', 'zhangsan', ['passwordPolicy']],
    ['lower123456', 'zhangsan', ['passwordPolicy']],
    ['Zhangsan@2026', 'zhangsan', ['passwordPolicy']],
    ['Xaaaa@2026y', 'li', ['passwordPolicy']],
  ])('%s for %s', (password, username, rules) => {
    expect(checkPasswordPolicy(password, username).map((p) => p.rule)).toEqual(rules);
  });

  it('explains every broken rule in Chinese and English', () => {
    const problems = checkPasswordPolicy('aaaa', 'aaaa');
    expect(problems.map((p) => p.message.zh)).toEqual([
      '密码至少 8 位',
      '密码须包含大写字母、小写字母、数字、符号中的至少三类',
      '密码不能包含用户名',
      '密码不能有连续四个相同字符',
    ]);
    expect(problems.every((p) => p.message.en.length > 0)).toBe(true);
  });
});

describe('role sets (三员分立)', () => {
  it.each([
    [['congress_staff'], []],
    [['representative', 'liaison_officer'], []],
    [['sys_admin'], []],
    [[], ['minItems']],
    [['sys_admin', 'audit_admin'], ['adminAlone']],
    [['security_admin', 'congress_staff'], ['adminAlone']],
    [['root'], ['enum']],
  ])('%j', (roles, rules) => {
    expect(checkRoleSet(roles).map((p) => p.rule)).toEqual(rules);
  });
});

describe('lockout', () => {
  const policy = { maxFailedLogins: 5, lockMinutes: 15 };
  const t0 = new Date('2026-01-01T00:00:00Z');
  const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

  it('locks on the fifth failure for fifteen minutes', () => {
    let state = { failedLogins: 0, lockedUntil: null as string | null };
    for (let i = 1; i <= 4; i++) {
      state = afterFailedLogin(state, t0, policy);
      expect(state).toEqual({ failedLogins: i, lockedUntil: null });
    }
    state = afterFailedLogin(state, t0, policy);
    expect(state.lockedUntil).toBe(at(15).toISOString());
    expect(isLocked(state, at(14))).toBe(true);
    expect(isLocked(state, at(15))).toBe(false);
  });

  it('starts counting afresh once a lock has expired', () => {
    const locked = { failedLogins: 5, lockedUntil: at(15).toISOString() };
    expect(afterFailedLogin(locked, at(20), policy)).toEqual({ failedLogins: 1, lockedUntil: null });
  });
});

describe('sessions and password age', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  it.each([
    [{ lastSeenAt: '2026-01-01T11:45:00Z', expiresAt: '2026-01-01T20:00:00Z' }, 'valid'],
    [{ lastSeenAt: '2026-01-01T11:29:00Z', expiresAt: '2026-01-01T20:00:00Z' }, 'idle'],
    [{ lastSeenAt: '2026-01-01T11:59:00Z', expiresAt: '2026-01-01T12:00:00Z' }, 'expired'],
  ] as const)('%j is %s', (session, state) => {
    expect(sessionState(session, now, 30)).toBe(state);
  });

  it('expires passwords older than the policy allows, unless the policy is off', () => {
    expect(isPasswordExpired('2025-09-01T00:00:00Z', now, 90)).toBe(true);
    expect(isPasswordExpired('2025-12-01T00:00:00Z', now, 90)).toBe(false);
    expect(isPasswordExpired('1970-01-01T00:00:00Z', now, 0)).toBe(false);
  });
});
