/**
 * Reading the opinion loop: the list behind the queues, the ledger and the export (always through
 * the visibility predicate), one item's history, its photos, and the pieces of the citizen's
 * tracking page.
 */
import type { Expression, ExpressionBuilder, Kysely, SelectQueryBuilder, SqlBool } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { textMatch } from '../../platform/db/query.ts';
import { inScope, type Scope } from '../../platform/db/scope.ts';
import { REPLY_PENDING } from './deadlines.ts';
import type { Visibility } from './opinions.repo.ts';
import { ofRepresentativesPosts } from './opinions.visibility.ts';

/** Which queue: see OpinionListQuery's `view`. */
export type ListView =
  | { kind: 'all' }
  | { kind: 'triage'; scope: Scope | null }
  | { kind: 'unit'; unitId: number | null }
  | { kind: 'representative'; representativeId: number | null };

export interface OpinionFilter {
  view: ListView;
  statuses?: readonly string[] | undefined;
  channel?: string | undefined;
  within?: { path: string } | undefined;
  stationId?: number | undefined;
  groupId?: number | undefined;
  representativeId?: number | undefined;
  gridId?: number | undefined;
  unitId?: number | undefined;
  categoryCode?: string | undefined;
  /** Submitted at or after / before these instants. */
  from?: string | undefined;
  to?: string | undefined;
  overdue?: boolean | undefined;
  dueSoon?: boolean | undefined;
  rating?: string | undefined;
  rehandled?: boolean | undefined;
  q?: string | undefined;
  sort?: 'submittedAt' | 'replyDue' | 'updatedAt' | undefined;
  /** The clock and the end of the 临期 window, for overdue and dueSoon. */
  now: string;
  dueSoonBy: string;
}

const TRIAGE_STATES = ['SUBMITTED', 'ACCEPTED', 'RETURN_REQUESTED', 'EXTENSION_REQUESTED'];
const UNIT_STATES = ['ASSIGNED', 'SIGNED', 'REHANDLING', 'EXTENSION_REQUESTED', 'RETURN_REQUESTED'];

type Eb = ExpressionBuilder<DB, 'opinion'>;

function viewPredicate(eb: Eb, view: ListView): Expression<SqlBool> {
  switch (view.kind) {
    case 'all':
      return eb.and([]);
    case 'triage':
      return view.scope
        ? eb.and([eb('opinion.status', 'in', TRIAGE_STATES), inScope(view.scope, 'opinion.jurisdiction_id')])
        : eb.or([]);
    case 'unit':
      return view.unitId !== null
        ? eb.and([eb('opinion.unit_id', '=', view.unitId), eb('opinion.status', 'in', UNIT_STATES)])
        : eb.or([]);
    case 'representative': {
      const rep = view.representativeId;
      if (rep === null) return eb.or([]);
      return eb.or([
        eb.and([
          eb('opinion.representative_id', '=', rep),
          eb('opinion.status', 'in', ['SUBMITTED', 'ACCEPTED']),
        ]),
        ofRepresentativesPosts(eb, rep),
      ]);
    }
  }
}

/** Past a deadline without its step done (the same rule as deadlines.ts). */
function overduePredicate(eb: Eb, now: string): Expression<SqlBool> {
  return eb.or([
    eb.and([eb('opinion.status', '=', 'SUBMITTED'), eb('opinion.ack_due', '<', now)]),
    eb.and([eb('opinion.status', '=', 'ASSIGNED'), eb('opinion.sign_due', '<', now)]),
    eb.and([eb('opinion.status', 'in', [...REPLY_PENDING]), eb('opinion.reply_due', '<', now)]),
  ]);
}

function dueSoonPredicate(eb: Eb, now: string, by: string): Expression<SqlBool> {
  return eb.and([
    eb('opinion.status', 'in', [...REPLY_PENDING]),
    eb('opinion.reply_due', '>=', now),
    eb('opinion.reply_due', '<=', by),
  ]);
}

/**
 * The opinions the filter selects, over the opinion table alone: every condition is on the
 * opinion itself, so counting them reads an index, not a million joined rows.
 */
function filtered(db: Kysely<DB>, visible: Visibility, f: OpinionFilter) {
  let q = db
    .selectFrom('opinion')
    .where(visible)
    .where((eb) => viewPredicate(eb, f.view));
  if (f.statuses && f.statuses.length > 0) q = q.where('opinion.status', 'in', [...f.statuses]);
  if (f.channel) q = q.where('opinion.channel', '=', f.channel);
  if (f.within) q = q.where(inScope(f.within, 'opinion.jurisdiction_id'));
  if (f.stationId !== undefined) q = q.where('opinion.station_id', '=', f.stationId);
  if (f.representativeId !== undefined) q = q.where('opinion.representative_id', '=', f.representativeId);
  if (f.groupId !== undefined) {
    const groupId = f.groupId;
    q = q.where('opinion.representative_id', 'in', (eb) =>
      eb
        .selectFrom('group_member as fgm')
        .select('fgm.representative_id')
        .where('fgm.group_id', '=', groupId),
    );
  }
  if (f.gridId !== undefined) q = q.where('opinion.grid_id', '=', f.gridId);
  if (f.unitId !== undefined) q = q.where('opinion.unit_id', '=', f.unitId);
  if (f.categoryCode) q = q.where('opinion.category_code', '=', f.categoryCode);
  if (f.from) q = q.where('opinion.submitted_at', '>=', f.from);
  if (f.to) q = q.where('opinion.submitted_at', '<', f.to);
  if (f.overdue !== undefined) {
    const now = f.now;
    q = q.where((eb) => (f.overdue ? overduePredicate(eb, now) : eb.not(overduePredicate(eb, now))));
  }
  if (f.dueSoon !== undefined) {
    const { now, dueSoonBy } = f;
    q = q.where((eb) =>
      f.dueSoon ? dueSoonPredicate(eb, now, dueSoonBy) : eb.not(dueSoonPredicate(eb, now, dueSoonBy)),
    );
  }
  if (f.rating) q = q.where('opinion.last_rating', '=', f.rating);
  if (f.rehandled !== undefined) q = q.where('opinion.rehandle_rounds', f.rehandled ? '>' : '=', 0);
  if (f.q) q = q.where(textMatch(f.q, ['opinion.content', 'opinion.tracking_code', 'opinion.address']));
  return q;
}

/** In the order of the list; the order ends on the id, so pages are stable. */
function ordered<Q extends SelectQueryBuilder<DB, 'opinion', object>>(q: Q, sort: OpinionFilter['sort']): Q {
  switch (sort ?? 'submittedAt') {
    case 'submittedAt':
      return q.orderBy('opinion.submitted_at', 'desc').orderBy('opinion.id', 'desc') as Q;
    case 'updatedAt':
      return q.orderBy('opinion.updated_at', 'desc').orderBy('opinion.id', 'desc') as Q;
    case 'replyDue':
      // Items without a reply deadline last, on both engines.
      return q
        .orderBy((eb) => eb.case().when('opinion.reply_due', 'is', null).then(1).else(0).end())
        .orderBy('opinion.reply_due', 'asc')
        .orderBy('opinion.id', 'asc') as Q;
  }
}

/** What the list shows of each opinion: the row, the names it refers to, whether it has photos. */
function listRows(db: Kysely<DB>) {
  return db
    .selectFrom('opinion')
    .innerJoin('jurisdiction as j', 'j.id', 'opinion.jurisdiction_id')
    .leftJoin('station as s', 's.id', 'opinion.station_id')
    .leftJoin('representative as r', 'r.id', 'opinion.representative_id')
    .leftJoin('grid as g', 'g.id', 'opinion.grid_id')
    .leftJoin('unit as u', 'u.id', 'opinion.unit_id')
    .leftJoin('category as c', 'c.code', 'opinion.category_code')
    .selectAll('opinion')
    .select([
      'j.name as jurisdiction_name',
      's.name as station_name',
      'r.name as representative_name',
      'g.name as grid_name',
      'u.name as unit_name',
      'c.name_zh as category_name',
    ])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('attachment as a')
            .select('a.id')
            .where('a.owner_type', '=', 'opinion')
            .whereRef('a.owner_id', '=', 'opinion.id'),
        )
        .as('has_photos'),
    );
}

export type OpinionListRow = Awaited<ReturnType<ReturnType<typeof listRows>['executeTakeFirstOrThrow']>>;

/**
 * The rows of the opinions the filter selects, in list order, from `offset` on, at most `limit`.
 * The page is chosen first, among the opinions alone (an index walk, on a million opinions as on
 * a thousand), and only its rows are then read and joined: sorting whole joined rows to keep 20
 * reads every row of the scope.
 */
function rowsOf(
  db: Kysely<DB>,
  visible: Visibility,
  f: OpinionFilter,
  limit: number,
  offset = 0,
): Promise<OpinionListRow[]> {
  const page = ordered(filtered(db, visible, f).select('opinion.id'), f.sort)
    .limit(limit)
    .offset(offset);
  return ordered(listRows(db).where('opinion.id', 'in', page), f.sort).execute();
}

export async function listOpinions(
  db: Kysely<DB>,
  visible: Visibility,
  filter: OpinionFilter,
  page: number,
  pageSize: number,
): Promise<{ rows: OpinionListRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    rowsOf(db, visible, filter, pageSize, (page - 1) * pageSize),
    filtered(db, visible, filter)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Every matching row, up to `limit` (the export). */
export async function allOpinions(
  db: Kysely<DB>,
  visible: Visibility,
  filter: OpinionFilter,
  limit: number,
): Promise<OpinionListRow[]> {
  return rowsOf(db, visible, filter, limit);
}

/** One item as the list shows it, when visible. */
export async function findListRow(
  db: Kysely<DB>,
  visible: Visibility,
  id: number,
): Promise<OpinionListRow | undefined> {
  return listRows(db).where(visible).where('opinion.id', '=', id).executeTakeFirst();
}

/** One item's history and what hangs from it (the caller has checked it may see the item). */
export async function historyOf(
  db: Kysely<DB>,
  id: number,
  mergedIntoId: number | null,
  registeredBy: number | null,
) {
  const [events, replies, ratings, extensions, photos, merged, mergedInto, registrar] = await Promise.all([
    db
      .selectFrom('opinion_event as e')
      .leftJoin('unit as u', 'u.id', 'e.unit_id')
      .selectAll('e')
      .select('u.name as unit_name')
      .where('e.opinion_id', '=', id)
      .orderBy('e.id')
      .execute(),
    db
      .selectFrom('opinion_reply as rp')
      .leftJoin('unit as u', 'u.id', 'rp.unit_id')
      .selectAll('rp')
      .select('u.name as unit_name')
      .where('rp.opinion_id', '=', id)
      .orderBy('rp.id')
      .execute(),
    db.selectFrom('opinion_rating').selectAll().where('opinion_id', '=', id).orderBy('id').execute(),
    db.selectFrom('opinion_extension').selectAll().where('opinion_id', '=', id).orderBy('id').execute(),
    photoList(db, id),
    db
      .selectFrom('opinion')
      .select(['id', 'tracking_code'])
      .where('merged_into_id', '=', id)
      .orderBy('id')
      .execute(),
    mergedIntoId === null
      ? undefined
      : db
          .selectFrom('opinion')
          .select(['id', 'tracking_code'])
          .where('id', '=', mergedIntoId)
          .executeTakeFirst(),
    registeredBy === null
      ? undefined
      : db.selectFrom('app_user').select('display_name').where('id', '=', registeredBy).executeTakeFirst(),
  ]);
  return {
    events,
    replies,
    ratings,
    extensions,
    photos,
    merged,
    mergedInto,
    registrar: registrar?.display_name ?? null,
  };
}

export function photoList(db: Kysely<DB>, opinionId: number) {
  return db
    .selectFrom('attachment')
    .select(['id', 'mime', 'size'])
    .where('owner_type', '=', 'opinion')
    .where('owner_id', '=', opinionId)
    .orderBy('id')
    .execute();
}

export async function photoData(
  db: Kysely<DB>,
  opinionId: number,
  photoId: number,
): Promise<{ mime: string; data: Buffer } | undefined> {
  return db
    .selectFrom('attachment')
    .select(['mime', 'data'])
    .where('id', '=', photoId)
    .where('owner_type', '=', 'opinion')
    .where('owner_id', '=', opinionId)
    .executeTakeFirst();
}

/** What the citizen's tracking page shows besides the opinion itself: public notes only. */
export async function trackingPieces(
  db: Kysely<DB>,
  o: { id: number; stationId: number | null; representativeId: number | null; mergedIntoId: number | null },
) {
  const [timeline, replies, ratings, station, representative, mergedInto] = await Promise.all([
    db
      .selectFrom('opinion_event')
      .select(['at', 'to_status', 'public_note'])
      .where('opinion_id', '=', o.id)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('opinion_reply as rp')
      .leftJoin('unit as u', 'u.id', 'rp.unit_id')
      .select(['rp.round', 'rp.result', 'rp.content', 'rp.kind', 'u.name as unit_name', 'rp.at'])
      .where('rp.opinion_id', '=', o.id)
      .orderBy('rp.id')
      .execute(),
    db
      .selectFrom('opinion_rating')
      .select(['round', 'rating', 'at'])
      .where('opinion_id', '=', o.id)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('station')
      .select('name')
      .where('id', '=', o.stationId ?? 0)
      .executeTakeFirst(),
    db
      .selectFrom('representative')
      .select('name')
      .where('id', '=', o.representativeId ?? 0)
      .executeTakeFirst(),
    db
      .selectFrom('opinion')
      .select('tracking_code')
      .where('id', '=', o.mergedIntoId ?? 0)
      .executeTakeFirst(),
  ]);
  return {
    timeline,
    replies,
    ratings,
    stationName: station?.name ?? null,
    representativeName: representative?.name ?? null,
    mergedInto: mergedInto?.tracking_code ?? null,
  };
}
