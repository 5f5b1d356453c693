/**
 * Roster changes shared by groups, stations and grids: replace the roster, add one, remove one.
 * Every representative named must be visible to the actor; each change is one audited transaction.
 */
import type { AppContext } from '../../platform/context.ts';
import { scopeOf } from '../../platform/db/scope.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import * as members from './members.repo.ts';
import { assertNoProblems, notFound, outOfScope, WHAT } from './org.checks.ts';
import { checkGroupRoster } from './org.domain.ts';

/** The record whose roster changes: already loaded through the actor's scope by its own service. */
export interface RosterOwner {
  kind: members.RosterKind;
  id: number;
  jurisdictionId: number;
}

export type MemberView = Omit<members.MemberRecord, 'role'>;

export function toMemberView(m: members.MemberRecord): MemberView {
  return {
    representativeId: m.representativeId,
    name: m.name,
    code: m.code,
    jurisdiction: m.jurisdiction,
    levels: m.levels,
    status: m.status,
  };
}

async function unseen(
  ctx: AppContext,
  actor: Actor,
  ids: readonly number[],
  pathOf: (index: number) => string,
): Promise<FieldError[]> {
  const visible = await members.visibleRepresentativeIds(ctx.database.db, scopeOf(actor), ids);
  return ids.flatMap((id, i) => (visible.has(id) ? [] : [outOfScope(pathOf(i), WHAT.representative)]));
}

/** PUT …/members: the roster becomes `list` (within what the actor can see). */
export async function setRoster(
  ctx: AppContext,
  actor: Actor,
  owner: RosterOwner,
  list: readonly members.MemberInput[],
  pathOf: (index: number) => string,
): Promise<void> {
  const problems = owner.kind === 'group' ? checkGroupRoster(list) : [];
  problems.push(
    ...(await unseen(
      ctx,
      actor,
      list.map((m) => m.representativeId),
      pathOf,
    )),
  );
  assertNoProblems(problems);
  await auditedWrite(ctx, actor, async (trx) => {
    await members.replaceMembers(trx, scopeOf(actor), owner.kind, owner.id, list);
    return {
      result: undefined,
      audit: {
        action: `${owner.kind}.members`,
        entityType: owner.kind,
        entityId: owner.id,
        jurisdictionId: owner.jurisdictionId,
        detail: {
          set: list.map((m) =>
            m.role ? { representativeId: m.representativeId, role: m.role } : m.representativeId,
          ),
        },
      },
    };
  });
}

/** POST …/members: add one representative; 409 when already on the roster. */
export async function addToRoster(
  ctx: AppContext,
  actor: Actor,
  owner: RosterOwner,
  member: members.MemberInput,
): Promise<void> {
  const db = ctx.database.db;
  assertNoProblems(await unseen(ctx, actor, [member.representativeId], () => '/representativeId'));
  const roster = await members.rosterEntries(db, owner.kind, owner.id);
  if (roster.some((e) => e.id === member.representativeId)) {
    throw new AppError('CONFLICT', {
      zh: '该代表已在名单中',
      en: 'The representative is already on the roster',
    });
  }
  if (member.role === 'leader' && roster.some((e) => e.role === 'leader')) {
    assertNoProblems([
      {
        path: '/role',
        rule: 'oneLeader',
        message: { zh: '代表小组已有组长', en: 'The group already has a leader' },
      },
    ]);
  }
  await auditedWrite(ctx, actor, async (trx) => {
    await members.addMember(trx, owner.kind, owner.id, member);
    return {
      result: undefined,
      audit: {
        action: `${owner.kind}.members`,
        entityType: owner.kind,
        entityId: owner.id,
        jurisdictionId: owner.jurisdictionId,
        detail: { added: member.representativeId, ...(member.role ? { role: member.role } : {}) },
      },
    };
  });
}

/** DELETE …/members/:representativeId: 404 when the representative is not on the roster or not visible. */
export async function removeFromRoster(
  ctx: AppContext,
  actor: Actor,
  owner: RosterOwner,
  representativeId: number,
): Promise<void> {
  const visible = await members.visibleRepresentativeIds(ctx.database.db, scopeOf(actor), [representativeId]);
  if (!visible.has(representativeId)) throw notFound();
  await auditedWrite(ctx, actor, async (trx) => {
    if (!(await members.removeMember(trx, owner.kind, owner.id, representativeId))) throw notFound();
    return {
      result: undefined,
      audit: {
        action: `${owner.kind}.members`,
        entityType: owner.kind,
        entityId: owner.id,
        jurisdictionId: owner.jurisdictionId,
        detail: { removed: representativeId },
      },
    };
  });
}
