/**
 * What a representative's archive (履职档案) reads: who they are (seats, stations, work), and the
 * year's records behind their score — invitations to activities, the suggestions they led or
 * co-signed, the opinions addressed to them — with the details a timeline and a report show. The
 * sets are those the scoring reads (performance.repo.ts), so every score line finds its record.
 * Reads of other modules' tables are joins here, never their repos.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { YearWindow } from './performance.repo.ts';

export async function profileOf(db: Kysely<DB>, representativeId: number, congressId: number) {
  const r = await db
    .selectFrom('representative')
    .select(['id', 'name', 'employer', 'post'])
    .where('id', '=', representativeId)
    .executeTakeFirst();
  if (!r) return undefined;
  const [seat, stations] = await Promise.all([
    db
      .selectFrom('representative_seat')
      .select(['constituency', 'delegation'])
      .where('representative_id', '=', representativeId)
      .where('congress_id', '=', congressId)
      .orderBy('id', 'desc')
      .executeTakeFirst(),
    db
      .selectFrom('station_member as m')
      .innerJoin('station as s', 's.id', 'm.station_id')
      .select(['s.name'])
      .where('m.representative_id', '=', representativeId)
      .where('s.status', '=', 'active')
      .orderBy('s.id')
      .execute(),
  ]);
  return {
    ...r,
    constituency: seat?.constituency ?? null,
    delegation: seat?.delegation ?? null,
    stations: stations.map((s) => s.name),
  };
}

/** Every invitation to an activity that starts in the year (deleted activities are not records). */
export function invitationsInYear(db: Kysely<DB>, representativeId: number, w: YearWindow) {
  return db
    .selectFrom('activity_participant as p')
    .innerJoin('activity as a', 'a.id', 'p.activity_id')
    .innerJoin('activity_type as t', 't.code', 'a.type_code')
    .select([
      'a.id',
      'a.type_code',
      't.label_zh as type_label',
      't.kind',
      't.sort_order',
      'a.title',
      'a.place',
      'a.starts_at',
      'a.ends_at',
      'a.status as activity_status',
      'p.role',
      'p.status',
      'p.attendance',
    ])
    .where('p.representative_id', '=', representativeId)
    .where('a.status', '!=', 'deleted')
    .where('a.starts_at', '>=', w.fromIso)
    .where('a.starts_at', '<', w.toIso)
    .orderBy('a.starts_at')
    .orderBy('a.id')
    .execute();
}

/**
 * The registered suggestions of the congress and year the representative led or co-signed (the
 * set the scoring counts), with the lead, the lead unit and the latest reply's document number.
 */
export async function suggestionsInYear(
  db: Kysely<DB>,
  congressId: number,
  representativeId: number,
  year: number,
) {
  const rows = await db
    .selectFrom('suggestion_signer as g')
    .innerJoin('suggestion as s', 's.id', 'g.suggestion_id')
    .innerJoin('representative as lead', 'lead.id', 's.lead_representative_id')
    .leftJoin('excellent_suggestion as e', 'e.suggestion_id', 's.id')
    .select([
      's.id',
      'g.role',
      's.kind',
      's.title',
      's.case_number',
      's.status',
      's.registered_at',
      's.reply_class',
      's.last_replied_at',
      's.key_supervision',
      's.attitude_rating',
      's.result_rating',
      'lead.name as lead_name',
      'e.suggestion_id as excellent',
    ])
    .where('g.representative_id', '=', representativeId)
    .where('g.status', '=', 'accepted')
    .where('s.congress_id', '=', congressId)
    .where('s.year', '=', year)
    .where('s.case_number', 'is not', null)
    .where('s.status', 'not in', ['MERGED', 'WITHDRAWN', 'NOT_ACCEPTED'])
    .orderBy('s.case_number')
    .orderBy('s.id')
    .execute();
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const [units, replies] = await Promise.all([
    db
      .selectFrom('suggestion_unit as u')
      .innerJoin('unit', 'unit.id', 'u.unit_id')
      .select(['u.suggestion_id', 'unit.name'])
      .where('u.suggestion_id', 'in', ids)
      .where('u.role', '=', 'lead')
      .execute(),
    db
      .selectFrom('suggestion_reply')
      .select(['suggestion_id', 'document_number', 'id'])
      .where('suggestion_id', 'in', ids)
      .orderBy('id')
      .execute(),
  ]);
  const unitOf = new Map(units.map((u) => [u.suggestion_id, u.name]));
  // The newest reply last: it is the one in force (a correction or a second round comes later).
  const documentOf = new Map(replies.map((r) => [r.suggestion_id, r.document_number]));
  return rows.map((r) => ({
    ...r,
    lead_unit: unitOf.get(r.id) ?? null,
    document_number: documentOf.get(r.id) ?? null,
  }));
}

/** The opinions addressed to the representative that were submitted or rated in the year. */
export function opinionsInYear(db: Kysely<DB>, representativeId: number, w: YearWindow) {
  return db
    .selectFrom('opinion as o')
    .leftJoin('category as c', 'c.code', 'o.category_code')
    .select([
      'o.id',
      'o.content',
      'o.status',
      'o.channel',
      'c.name_zh as category_label',
      'o.submitted_at',
      'o.first_reply_at',
      'o.last_result',
      'o.last_rating',
      'o.rated_at',
      'o.closed_at',
    ])
    .where('o.representative_id', '=', representativeId)
    .where((eb) =>
      eb.or([
        eb.and([eb('o.submitted_at', '>=', w.fromIso), eb('o.submitted_at', '<', w.toIso)]),
        eb.and([eb('o.rated_at', '>=', w.fromIso), eb('o.rated_at', '<', w.toIso)]),
      ]),
    )
    .orderBy('o.submitted_at')
    .orderBy('o.id')
    .execute();
}
