/**
 * What the demo's history of disclosures and honours (demo.performance.ts) needs beyond the
 * services it runs: the staff accounts as actors, the public codes of the representatives whose
 * months are published, and an attendance typed in late (补登) held back until its time and then
 * written as the check-in service had written it.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor, Role } from '../auth/auth.domain.ts';

/** The accounts, as the actors the services receive (auth.service.ts actorFromUser). */
export async function actorsByUsername(
  trx: Transaction<DB>,
  usernames: readonly string[],
): Promise<Map<string, Actor>> {
  const out = new Map<string, Actor>();
  if (usernames.length === 0) return out;
  const users = await trx
    .selectFrom('app_user as u')
    .innerJoin('jurisdiction as j', 'j.id', 'u.jurisdiction_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.jurisdiction_id',
      'j.path',
      'u.representative_id',
      'u.unit_id',
    ])
    .where('u.username', 'in', [...usernames])
    .execute();
  const roles = await trx
    .selectFrom('user_role')
    .select(['user_id', 'role'])
    .where(
      'user_id',
      'in',
      users.map((u) => u.id),
    )
    .orderBy('role')
    .execute();
  for (const u of users)
    out.set(u.username, {
      userId: u.id,
      username: u.username,
      displayName: u.display_name,
      roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role as Role),
      jurisdictionId: u.jurisdiction_id,
      jurisdictionPath: u.path,
      representativeId: u.representative_id,
      unitId: u.unit_id,
      ip: null,
      passwordExpired: false,
    });
  return out;
}

/** Give representatives their public codes (as representativeQrCode does when first needed). */
export async function givePublicCodes(
  trx: Transaction<DB>,
  codes: readonly { representativeId: number; publicCode: string }[],
): Promise<void> {
  for (const c of codes)
    await trx
      .updateTable('representative')
      .set({ public_code: c.publicCode })
      .where('id', '=', c.representativeId)
      .where('public_code', 'is', null)
      .execute();
}

/** The attendance columns of a participant's row, as checkin.service.ts writes them. */
export interface Attendance {
  attendance: string | null;
  checked_in_at: string | null;
  checkin_method: string | null;
  checkin_device: string | null;
  manual_reason: string | null;
  recorded_by_user_id: number | null;
}

export const NO_ATTENDANCE: Attendance = {
  attendance: null,
  checked_in_at: null,
  checkin_method: null,
  checkin_device: null,
  manual_reason: null,
  recorded_by_user_id: null,
};

/** Set a participant's attendance columns (nothing recorded yet, or what was recorded). */
export async function setAttendance(
  trx: Transaction<DB>,
  activityId: number,
  representativeId: number,
  a: Attendance,
): Promise<void> {
  const r = await trx
    .updateTable('activity_participant')
    .set(a)
    .where('activity_id', '=', activityId)
    .where('representative_id', '=', representativeId)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1)
    throw new Error(`demo participant ${representativeId} of activity ${activityId} not found`);
}
