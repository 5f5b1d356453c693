/**
 * Reads behind the statistics and the yearly report: the registered cases of a year that the
 * actor sees (the visibility predicate is a parameter, never optional), with what the counts and
 * the report need of each, in one query; and the congress a caller may report on.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inScope, type Scope } from '../../platform/db/scope.ts';
import type { CaseFacts } from './stats.tally.ts';
import type { Visibility } from './suggestions.visibility.ts';

/** Registered cases that are not handled as cases of their own: merged into another, or withdrawn. */
export const NOT_COUNTED: readonly string[] = ['MERGED', 'WITHDRAWN'];

export interface StatsFilter {
  year: number;
  congressId?: number | undefined;
}

/** A case as the statistics count it, with what the report lists of a 重点督办 case. */
export interface StatsCase extends CaseFacts {
  kind: string;
  title: string;
  leadRepresentativeName: string;
}

/**
 * The year's registered, not merged cases that pass `visible`, oldest case first. A few thousand
 * rows a year at most: the grouping is done in one pass over them (stats.tally.ts), which gives
 * the same answer on both engines.
 */
/** `visible` null: every case (the public figures, which show no case). */
export async function statsCases(
  db: Kysely<DB>,
  visible: Visibility | null,
  f: StatsFilter,
): Promise<StatsCase[]> {
  let q = db
    .selectFrom('suggestion')
    .innerJoin('congress as c', 'c.id', 'suggestion.congress_id')
    .innerJoin('representative as r', 'r.id', 'suggestion.lead_representative_id')
    .leftJoin('category as cat', 'cat.code', 'suggestion.category_code')
    .leftJoin('suggestion_unit as lu', (j) =>
      j.onRef('lu.suggestion_id', '=', 'suggestion.id').on('lu.role', '=', 'lead'),
    )
    .leftJoin('unit as u', 'u.id', 'lu.unit_id')
    .where('suggestion.year', '=', f.year)
    .where('suggestion.case_number', 'is not', null)
    .where('suggestion.status', 'not in', [...NOT_COUNTED]);
  if (visible) q = q.where(visible);
  if (f.congressId !== undefined) q = q.where('suggestion.congress_id', '=', f.congressId);
  const rows = await q
    .select([
      'suggestion.id',
      'suggestion.kind',
      'suggestion.status',
      'suggestion.case_number',
      'suggestion.title',
      'suggestion.registered_at',
      'suggestion.assigned_at',
      'suggestion.first_replied_at',
      'suggestion.reply_on_time',
      'suggestion.reply_class',
      'suggestion.attitude_rating',
      'suggestion.result_rating',
      'suggestion.close_reason',
      'suggestion.rehandle_rounds',
      'suggestion.key_supervision',
      'suggestion.reply_due',
      'suggestion.congress_id',
      'suggestion.category_code',
      'c.name as congress_name',
      'r.name as lead_name',
      'cat.name_zh as category_name',
      'lu.unit_id as lead_unit_id',
      'u.name as lead_unit_name',
    ])
    .select((eb) => [
      eb
        .selectFrom('suggestion_commitment as co')
        .select((e) => e.fn.countAll<number | string>().as('n'))
        .whereRef('co.suggestion_id', '=', 'suggestion.id')
        .where('co.status', '=', 'open')
        .as('commitments_open'),
      eb
        .selectFrom('suggestion_commitment as cd')
        .select((e) => e.fn.countAll<number | string>().as('n'))
        .whereRef('cd.suggestion_id', '=', 'suggestion.id')
        .where('cd.status', '=', 'done')
        .as('commitments_done'),
    ])
    .orderBy('suggestion.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    caseNumber: r.case_number,
    title: r.title,
    registeredAt: r.registered_at,
    assignedAt: r.assigned_at,
    firstRepliedAt: r.first_replied_at,
    replyOnTime: r.reply_on_time === null ? null : Number(r.reply_on_time),
    replyClass: r.reply_class,
    attitudeRating: r.attitude_rating,
    resultRating: r.result_rating,
    closeReason: r.close_reason,
    rehandleRounds: Number(r.rehandle_rounds),
    keySupervision: Number(r.key_supervision),
    replyDue: r.reply_due,
    commitmentsOpen: Number(r.commitments_open ?? 0),
    commitmentsDone: Number(r.commitments_done ?? 0),
    congressId: r.congress_id,
    congressName: r.congress_name,
    categoryCode: r.category_code,
    categoryName: r.category_name,
    leadUnitId: r.lead_unit_id,
    leadUnitName: r.lead_unit_name,
    leadRepresentativeName: r.lead_name,
  }));
}

/** The congress, when its jurisdiction lies in the scope (a congress above the tree never does, except globally). */
export async function congressInScope(
  db: Kysely<DB>,
  scope: Scope,
  id: number,
): Promise<{ id: number; name: string } | undefined> {
  return db
    .selectFrom('congress')
    .select(['id', 'name'])
    .where('id', '=', id)
    .where(inScope(scope, 'congress.jurisdiction_id'))
    .executeTakeFirst();
}
