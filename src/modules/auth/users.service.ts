/**
 * Account management under 三员分立: the system administrator creates and edits accounts with
 * business roles; the security administrator grants roles (including the administrator roles),
 * unlocks accounts and resets passwords; nobody changes their own roles or status.
 */
import type { AppContext } from '../../platform/context.ts';
import { existsInScope, jurisdictionByCode, jurisdictionInScope } from '../../platform/db/lookup.ts';
import { scopeOf } from '../../platform/db/scope.ts';
import { isUniqueViolation } from '../../platform/db/db-errors.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import {
  checkPasswordPolicy,
  checkRoleSet,
  isAdminRole,
  isLocked,
  SYSTEM_ACTOR,
  type Actor,
  type Role,
} from './auth.domain.ts';
import { can } from './auth.policy.ts';
import * as repo from './auth.repo.ts';
import { hashPassword } from './auth.service.ts';
import type {
  CreateUserBody,
  DirectoryQuery,
  UpdateUserBody,
  UserListQuery,
  UserView,
} from './users.schema.ts';

/** A password set by an administrator counts as expired: its owner must choose a new one at sign-in. */
const EXPIRED = '1970-01-01T00:00:00.000Z';

function toView(u: repo.UserRecord, now: Date): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    jurisdiction: { id: u.jurisdictionId, name: u.jurisdictionName },
    representativeId: u.representativeId,
    unitId: u.unitId,
    status: u.status,
    locked: isLocked(u, now),
    lockedUntil: isLocked(u, now) ? u.lockedUntil : null,
    failedLogins: u.failedLogins,
    passwordChangedAt: u.passwordChangedAt,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
  };
}

export async function listUsers(ctx: AppContext, actor: Actor, query: UserListQuery) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const scope = scopeOf(actor);
  let jurisdictionPath: string | undefined;
  if (query.jurisdictionId) {
    const j = await jurisdictionInScope(ctx.database.db, scope, query.jurisdictionId);
    if (!j) return { items: [], total: 0, page, pageSize };
    jurisdictionPath = j.path;
  }
  const now = ctx.clock.now();
  const { items, total } = await repo.listUsers(
    ctx.database.db,
    scope,
    {
      ...(query.q ? { q: query.q } : {}),
      ...(query.role ? { role: query.role } : {}),
      ...(jurisdictionPath ? { jurisdictionPath } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.locked !== undefined ? { locked: query.locked } : {}),
    },
    now.toISOString(),
    page,
    pageSize,
  );
  return { items: items.map((u) => toView(u, now)), total, page, pageSize };
}

/**
 * Active accounts holding a business role within the caller's scope, name and jurisdiction only:
 * what congress staff need to assign people (a station's liaison officer) without reading the
 * account administration pages.
 */
export async function accountDirectory(ctx: AppContext, actor: Actor, query: DirectoryQuery) {
  const { items } = await repo.listUsers(
    ctx.database.db,
    scopeOf(actor),
    { role: query.role, status: 'active', ...(query.q ? { q: query.q } : {}) },
    ctx.clock.now().toISOString(),
    1,
    50,
  );
  return {
    items: items.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      jurisdiction: { id: u.jurisdictionId, name: u.jurisdictionName },
    })),
  };
}

async function loadUser(ctx: AppContext, actor: Actor, id: number): Promise<repo.UserRecord> {
  const user = await repo.findUserById(ctx.database.db, scopeOf(actor), id);
  if (!user) throw new AppError('NOT_FOUND');
  return user;
}

export async function getUser(ctx: AppContext, actor: Actor, id: number): Promise<UserView> {
  return toView(await loadUser(ctx, actor, id), ctx.clock.now());
}

function mayGrant(actor: Actor, roles: readonly Role[]): boolean {
  return roles.every((r) =>
    isAdminRole(r) ? can(actor, 'users.security') : can(actor, 'users.write') || can(actor, 'users.security'),
  );
}

/** Check the links an account's roles need, and that everything referred to is within the actor's scope. */
async function checkBindings(
  ctx: AppContext,
  actor: Actor,
  b: {
    roles: readonly Role[];
    jurisdictionId: number;
    representativeId: number | null;
    unitId: number | null;
  },
): Promise<FieldError[]> {
  const db = ctx.database.db;
  const scope = scopeOf(actor);
  const problems: FieldError[] = [...checkRoleSet(b.roles)];
  if (!(await jurisdictionInScope(db, scope, b.jurisdictionId))) {
    problems.push({
      path: '/jurisdictionId',
      rule: 'scope',
      message: {
        zh: '所属辖区不存在或不在您的管辖范围内',
        en: 'The jurisdiction does not exist or is outside your scope',
      },
    });
  }
  if (b.roles.includes('representative') && b.representativeId === null) {
    problems.push({
      path: '/representativeId',
      rule: 'required',
      message: {
        zh: '代表账号须关联一名人大代表',
        en: 'A representative account must be linked to a representative',
      },
    });
  }
  if (b.roles.includes('unit_staff') && b.unitId === null) {
    problems.push({
      path: '/unitId',
      rule: 'required',
      message: {
        zh: '承办单位账号须关联一个承办单位',
        en: 'A handling-unit account must be linked to a unit',
      },
    });
  }
  if (
    b.representativeId !== null &&
    !(await existsInScope(db, scope, 'representative', b.representativeId))
  ) {
    problems.push({
      path: '/representativeId',
      rule: 'exists',
      message: { zh: '关联的代表不存在', en: 'The linked representative does not exist' },
    });
  }
  if (b.unitId !== null && !(await existsInScope(db, scope, 'unit', b.unitId))) {
    problems.push({
      path: '/unitId',
      rule: 'exists',
      message: { zh: '关联的承办单位不存在', en: 'The linked unit does not exist' },
    });
  }
  return problems;
}

export async function createUser(ctx: AppContext, actor: Actor, input: CreateUserBody): Promise<UserView> {
  const roles = input.roles as Role[];
  if (!mayGrant(actor, roles))
    throw new AppError('FORBIDDEN', { zh: '无权授予所选角色', en: 'You may not grant the chosen roles' });
  const id = await insertAccount(ctx, actor, input);
  return getUser(ctx, actor, id);
}

/**
 * The command line's way in (`liaison create-user`): the system creates an account in any
 * jurisdiction, named by its code. The same checks apply as for an administrator.
 */
export async function createAccount(
  ctx: AppContext,
  input: {
    username: string;
    displayName: string;
    password: string;
    roles: string[];
    jurisdictionCode: string;
  },
): Promise<UserView> {
  const j = await jurisdictionByCode(ctx.database.db, input.jurisdictionCode);
  if (!j) {
    throw new AppError('VALIDATION_FAILED', undefined, [
      {
        path: '/jurisdiction',
        rule: 'exists',
        message: {
          zh: `辖区代码 ${input.jurisdictionCode} 不存在`,
          en: `No jurisdiction with code ${input.jurisdictionCode}`,
        },
      },
    ]);
  }
  const problems = checkRoleSet(input.roles);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', undefined, problems);
  const id = await insertAccount(ctx, SYSTEM_ACTOR, {
    ...input,
    roles: input.roles as Role[],
    jurisdictionId: j.id,
  });
  return getUser(ctx, SYSTEM_ACTOR, id);
}

async function insertAccount(ctx: AppContext, actor: Actor, input: CreateUserBody): Promise<number> {
  const roles = input.roles as Role[];
  const binding = {
    roles,
    jurisdictionId: input.jurisdictionId,
    representativeId: input.representativeId ?? null,
    unitId: input.unitId ?? null,
  };
  const problems = [
    ...(await checkBindings(ctx, actor, binding)),
    ...checkPasswordPolicy(input.password, input.username),
  ];
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', undefined, problems);
  const passwordHash = await hashPassword(ctx, input.password);
  const now = ctx.clock.now().toISOString();
  try {
    return await auditedWrite(ctx, actor, async (trx) => {
      const newId = await repo.insertUser(trx, {
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        ...binding,
        // A password chosen by someone else is replaced by its owner at first sign-in.
        passwordChangedAt: EXPIRED,
        now,
      });
      return {
        result: newId,
        audit: {
          action: 'user.create',
          entityType: 'user',
          entityId: newId,
          jurisdictionId: input.jurisdictionId,
          detail: { username: input.username, roles },
        },
      };
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError(
        'CONFLICT',
        { zh: `用户名“${input.username}”已被使用`, en: `The user name "${input.username}" is taken` },
        [{ path: '/username', rule: 'unique', message: { zh: '用户名已被使用', en: 'User name taken' } }],
      );
    }
    throw err;
  }
}

export async function updateUser(
  ctx: AppContext,
  actor: Actor,
  id: number,
  patch: UpdateUserBody,
): Promise<UserView> {
  const user = await loadUser(ctx, actor, id);
  if (patch.status !== undefined && user.id === actor.userId) {
    throw new AppError('FORBIDDEN', {
      zh: '不能停用或启用自己的账号',
      en: 'You cannot change the status of your own account',
    });
  }
  if (user.roles.some(isAdminRole) && !can(actor, 'users.security')) {
    throw new AppError('FORBIDDEN', {
      zh: '管理员账号由安全管理员维护',
      en: 'Administrator accounts are maintained by the security administrator',
    });
  }
  const binding = {
    roles: user.roles,
    jurisdictionId: patch.jurisdictionId ?? user.jurisdictionId,
    representativeId: patch.representativeId !== undefined ? patch.representativeId : user.representativeId,
    unitId: patch.unitId !== undefined ? patch.unitId : user.unitId,
  };
  const problems = await checkBindings(ctx, actor, binding);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', undefined, problems);
  const now = ctx.clock.now().toISOString();
  await auditedWrite(ctx, actor, async (trx) => {
    await repo.updateUser(
      trx,
      id,
      {
        ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
        ...(patch.jurisdictionId !== undefined ? { jurisdiction_id: patch.jurisdictionId } : {}),
        ...(patch.representativeId !== undefined ? { representative_id: patch.representativeId } : {}),
        ...(patch.unitId !== undefined ? { unit_id: patch.unitId } : {}),
        ...(patch.status !== undefined ? { status: patch.status } : {}),
      },
      now,
    );
    if (patch.status === 'disabled') await repo.deleteSessionsOfUser(trx, id);
    return {
      result: undefined,
      audit: {
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        jurisdictionId: binding.jurisdictionId,
        detail: { ...patch },
      },
    };
  });
  return getUser(ctx, actor, id);
}

export async function setUserRoles(
  ctx: AppContext,
  actor: Actor,
  id: number,
  roles: Role[],
): Promise<UserView> {
  const user = await loadUser(ctx, actor, id);
  if (user.id === actor.userId)
    throw new AppError('FORBIDDEN', { zh: '不能修改自己的角色', en: 'You cannot change your own roles' });
  const problems = await checkBindings(ctx, actor, {
    roles,
    jurisdictionId: user.jurisdictionId,
    representativeId: user.representativeId,
    unitId: user.unitId,
  });
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', undefined, problems);
  await auditedWrite(ctx, actor, async (trx) => {
    await repo.replaceRoles(trx, id, roles);
    await repo.deleteSessionsOfUser(trx, id);
    return {
      result: undefined,
      audit: {
        action: 'user.roles',
        entityType: 'user',
        entityId: id,
        jurisdictionId: user.jurisdictionId,
        detail: { from: user.roles, to: roles },
      },
    };
  });
  return getUser(ctx, actor, id);
}

export async function unlockUser(ctx: AppContext, actor: Actor, id: number): Promise<UserView> {
  const user = await loadUser(ctx, actor, id);
  await auditedWrite(ctx, actor, async (trx) => {
    await repo.setLoginState(trx, id, { failedLogins: 0, lockedUntil: null });
    return {
      result: undefined,
      audit: { action: 'user.unlock', entityType: 'user', entityId: id, jurisdictionId: user.jurisdictionId },
    };
  });
  return getUser(ctx, actor, id);
}

export async function resetPassword(
  ctx: AppContext,
  actor: Actor,
  id: number,
  password: string,
): Promise<UserView> {
  const user = await loadUser(ctx, actor, id);
  if (user.id === actor.userId) {
    throw new AppError('FORBIDDEN', {
      zh: '请通过“修改密码”修改自己的密码',
      en: 'Change your own password with "change password"',
    });
  }
  const problems = checkPasswordPolicy(password, user.username);
  if (problems.length > 0) throw new AppError('PASSWORD_POLICY', undefined, problems);
  const hash = await hashPassword(ctx, password);
  const now = ctx.clock.now().toISOString();
  await auditedWrite(ctx, actor, async (trx) => {
    await repo.setPassword(trx, id, hash, EXPIRED, now);
    await repo.deleteSessionsOfUser(trx, id);
    return {
      result: undefined,
      audit: {
        action: 'user.reset_password',
        entityType: 'user',
        entityId: id,
        jurisdictionId: user.jurisdictionId,
      },
    };
  });
  return getUser(ctx, actor, id);
}

export type { RecipientQuery } from './auth.repo.ts';

/**
 * The accounts each notification query reaches (see RecipientQuery), in order; used by the
 * notifications module.
 */
export async function notificationRecipients(
  ctx: AppContext,
  queries: readonly repo.RecipientQuery[],
): Promise<repo.RecipientRecord[][]> {
  return repo.findRecipientsOf(ctx.database.db, queries);
}
