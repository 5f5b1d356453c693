/** Storage of accounts, roles and sessions. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inScope, type Scope } from '../../platform/db/scope.ts';
import type { Role } from './auth.domain.ts';

export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  passwordHash: string;
  jurisdictionId: number;
  jurisdictionPath: string;
  jurisdictionName: string;
  representativeId: number | null;
  unitId: number | null;
  status: 'active' | 'disabled';
  failedLogins: number;
  lockedUntil: string | null;
  passwordChangedAt: string;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
  roles: Role[];
}

function userQuery(db: Kysely<DB>) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('jurisdiction as j', 'j.id', 'u.jurisdiction_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.password_hash',
      'u.jurisdiction_id',
      'j.path as jurisdiction_path',
      'j.name as jurisdiction_name',
      'u.representative_id',
      'u.unit_id',
      'u.status',
      'u.failed_logins',
      'u.locked_until',
      'u.password_changed_at',
      'u.last_login_at',
      'u.created_at',
      'u.updated_at',
    ]);
}

type UserRow = Awaited<ReturnType<ReturnType<typeof userQuery>['executeTakeFirstOrThrow']>>;

async function withRoles(db: Kysely<DB>, rows: UserRow[]): Promise<UserRecord[]> {
  if (rows.length === 0) return [];
  const roles = await db
    .selectFrom('user_role')
    .select(['user_id', 'role'])
    .where(
      'user_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('role')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    jurisdictionId: r.jurisdiction_id,
    jurisdictionPath: r.jurisdiction_path,
    jurisdictionName: r.jurisdiction_name,
    representativeId: r.representative_id,
    unitId: r.unit_id,
    status: r.status,
    failedLogins: r.failed_logins,
    lockedUntil: r.locked_until,
    passwordChangedAt: r.password_changed_at,
    lastLoginAt: r.last_login_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    roles: roles.filter((x) => x.user_id === r.id).map((x) => x.role as Role),
  }));
}

export async function findUserByUsername(db: Kysely<DB>, username: string): Promise<UserRecord | undefined> {
  const row = await userQuery(db).where('u.username', '=', username).executeTakeFirst();
  return row ? (await withRoles(db, [row]))[0] : undefined;
}

export async function findUserById(
  db: Kysely<DB>,
  scope: Scope,
  id: number,
): Promise<UserRecord | undefined> {
  const row = await userQuery(db)
    .where('u.id', '=', id)
    .where(inScope(scope, 'u.jurisdiction_id'))
    .executeTakeFirst();
  return row ? (await withRoles(db, [row]))[0] : undefined;
}

export interface UserFilter {
  q?: string;
  role?: Role;
  jurisdictionPath?: string;
  status?: 'active' | 'disabled';
  locked?: boolean;
}

export async function listUsers(
  db: Kysely<DB>,
  scope: Scope,
  filter: UserFilter,
  now: string,
  page: number,
  pageSize: number,
): Promise<{ items: UserRecord[]; total: number }> {
  let q = userQuery(db).where(inScope(scope, 'u.jurisdiction_id'));
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_\\]/g, '')}%`;
    q = q.where((eb) => eb.or([eb('u.username', 'like', like), eb('u.display_name', 'like', like)]));
  }
  if (filter.role) {
    const role = filter.role;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_role as r')
          .select('r.user_id')
          .whereRef('r.user_id', '=', 'u.id')
          .where('r.role', '=', role),
      ),
    );
  }
  // Narrow to a sub-tree the caller has already resolved (and checked lies within the scope).
  if (filter.jurisdictionPath) q = q.where(inScope({ path: filter.jurisdictionPath }, 'u.jurisdiction_id'));
  if (filter.status) q = q.where('u.status', '=', filter.status);
  if (filter.locked !== undefined) {
    q = filter.locked
      ? q.where('u.locked_until', '>', now)
      : q.where((eb) => eb.or([eb('u.locked_until', 'is', null), eb('u.locked_until', '<=', now)]));
  }
  const [rows, count] = await Promise.all([
    q
      .orderBy('u.username')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: await withRoles(db, rows), total: Number(count.n) };
}

export async function setLoginState(
  db: Kysely<DB>,
  userId: number,
  state: { failedLogins: number; lockedUntil: string | null },
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ failed_logins: state.failedLogins, locked_until: state.lockedUntil })
    .where('id', '=', userId)
    .execute();
}

export async function markLoginSuccess(trx: Transaction<DB>, userId: number, now: string): Promise<void> {
  await trx
    .updateTable('app_user')
    .set({ failed_logins: 0, locked_until: null, last_login_at: now })
    .where('id', '=', userId)
    .execute();
}

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  jurisdictionId: number;
  representativeId: number | null;
  unitId: number | null;
  roles: Role[];
  passwordChangedAt: string;
  now: string;
}

export async function insertUser(trx: Transaction<DB>, u: NewUser): Promise<number> {
  const row = await trx
    .insertInto('app_user')
    .values({
      username: u.username,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      jurisdiction_id: u.jurisdictionId,
      representative_id: u.representativeId,
      unit_id: u.unitId,
      status: 'active',
      failed_logins: 0,
      locked_until: null,
      password_changed_at: u.passwordChangedAt,
      last_login_at: null,
      created_at: u.now,
      updated_at: u.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceRoles(trx, row.id, u.roles);
  return row.id;
}

export async function updateUser(
  trx: Transaction<DB>,
  id: number,
  patch: Partial<{
    display_name: string;
    jurisdiction_id: number;
    representative_id: number | null;
    unit_id: number | null;
    status: 'active' | 'disabled';
  }>,
  now: string,
): Promise<void> {
  await trx
    .updateTable('app_user')
    .set({ ...patch, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function replaceRoles(trx: Transaction<DB>, userId: number, roles: Role[]): Promise<void> {
  await trx.deleteFrom('user_role').where('user_id', '=', userId).execute();
  if (roles.length > 0) {
    await trx
      .insertInto('user_role')
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute();
  }
}

export async function setPassword(
  trx: Transaction<DB>,
  userId: number,
  hash: string,
  changedAt: string,
  now: string,
): Promise<void> {
  await trx
    .updateTable('app_user')
    .set({
      password_hash: hash,
      password_changed_at: changedAt,
      failed_logins: 0,
      locked_until: null,
      updated_at: now,
    })
    .where('id', '=', userId)
    .execute();
}

export async function insertSession(
  trx: Transaction<DB>,
  s: {
    id: string;
    userId: number;
    now: string;
    expiresAt: string;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await trx
    .insertInto('session')
    .values({
      id: s.id,
      user_id: s.userId,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .execute();
}

export async function findSession(
  db: Kysely<DB>,
  id: string,
): Promise<{ id: string; userId: number; lastSeenAt: string; expiresAt: string } | undefined> {
  const row = await db
    .selectFrom('session')
    .select(['id', 'user_id', 'last_seen_at', 'expires_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row
    ? { id: row.id, userId: row.user_id, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at }
    : undefined;
}

export async function touchSession(db: Kysely<DB>, id: string, now: string): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

/** End every session of a user, except `keep` (the session making the change) when given. */
export async function deleteSessionsOfUser(db: Kysely<DB>, userId: number, keep?: string): Promise<void> {
  let q = db.deleteFrom('session').where('user_id', '=', userId);
  if (keep) q = q.where('id', '!=', keep);
  await q.execute();
}

/** Remove sessions that can no longer be used (idle or past their absolute expiry). */
export async function purgeSessions(db: Kysely<DB>, idleBefore: string, now: string): Promise<number> {
  const res = await db
    .deleteFrom('session')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleBefore)]))
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Who receives a notification: active accounts, by id, by unit, or by role covering a jurisdiction. */
export type RecipientQuery =
  | { kind: 'users'; userIds: readonly number[] }
  | { kind: 'unit'; unitId: number }
  /** The accounts of these representatives (app_user.representative_id). */
  | { kind: 'representatives'; representativeIds: readonly number[] }
  /** Holders of the role whose jurisdiction contains `jurisdictionPath`, only at the nearest level that has any. */
  | { kind: 'role'; role: Role; jurisdictionPath: string };

export interface RecipientRecord {
  id: number;
  email: string | null;
  jurisdictionPath: string;
}

/** The ancestors of a path, itself included: '/1/4/9/' → '/1/', '/1/4/', '/1/4/9/'. */
function ancestorsOf(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

/**
 * The recipients of each query, in order. Queries of one kind are answered together (one read
 * for every 'users' query, one per role for the 'role' queries), so the notices of many items
 * written at once cost a few reads, not a few per item.
 */
export async function findRecipientsOf(
  db: Kysely<DB>,
  queries: readonly RecipientQuery[],
): Promise<RecipientRecord[][]> {
  const active = () =>
    db
      .selectFrom('app_user as u')
      .innerJoin('jurisdiction as j', 'j.id', 'u.jurisdiction_id')
      .select(['u.id', 'u.email', 'j.path as jurisdiction_path'])
      .where('u.status', '=', 'active');
  const toRecord = (r: { id: number; email: string | null; jurisdiction_path: string }): RecipientRecord => ({
    id: r.id,
    email: r.email,
    jurisdictionPath: r.jurisdiction_path,
  });
  const answers = new Map<RecipientQuery, RecipientRecord[]>();

  const userIds = [...new Set(queries.flatMap((q) => (q.kind === 'users' ? q.userIds : [])))];
  const users = new Map<number, RecipientRecord>();
  if (userIds.length > 0) {
    for (const r of await active().where('u.id', 'in', userIds).execute()) users.set(r.id, toRecord(r));
  }
  const roles = new Map<Role, RecipientRecord[]>();
  for (const role of new Set(queries.flatMap((q) => (q.kind === 'role' ? [q.role] : [])))) {
    const paths = queries.flatMap((q) => (q.kind === 'role' && q.role === role ? [q.jurisdictionPath] : []));
    const rows = await active()
      .where('j.path', 'in', [...new Set(paths.flatMap(ancestorsOf))])
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('user_role as r')
            .select('r.user_id')
            .whereRef('r.user_id', '=', 'u.id')
            .where('r.role', '=', role),
        ),
      )
      .orderBy('u.id')
      .execute();
    roles.set(role, rows.map(toRecord));
  }
  for (const q of queries) {
    switch (q.kind) {
      case 'users':
        answers.set(
          q,
          [...new Set(q.userIds)].flatMap((id) => users.get(id) ?? []),
        );
        break;
      case 'representatives': {
        const rows =
          q.representativeIds.length === 0
            ? []
            : await active()
                .where('u.representative_id', 'in', [...new Set(q.representativeIds)])
                .orderBy('u.id')
                .execute();
        answers.set(q, rows.map(toRecord));
        break;
      }
      case 'unit': {
        const rows = await active()
          .where('u.unit_id', '=', q.unitId)
          .where((eb) =>
            eb.exists(
              eb
                .selectFrom('user_role as r')
                .select('r.user_id')
                .whereRef('r.user_id', '=', 'u.id')
                .where('r.role', '=', 'unit_staff'),
            ),
          )
          .execute();
        answers.set(q, rows.map(toRecord));
        break;
      }
      case 'role': {
        // Only the nearest level above (or at) the jurisdiction that has holders of the role.
        const ancestors = new Set(ancestorsOf(q.jurisdictionPath));
        const rows = roles.get(q.role)!.filter((r) => ancestors.has(r.jurisdictionPath));
        const nearest = Math.max(...rows.map((r) => r.jurisdictionPath.length));
        answers.set(
          q,
          rows.filter((r) => r.jurisdictionPath.length === nearest),
        );
        break;
      }
    }
  }
  return queries.map((q) => answers.get(q)!);
}
