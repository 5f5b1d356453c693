/** Storage of representatives, their seats in congresses, and where they serve. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inScope, type Scope } from '../../platform/db/scope.ts';
import type {
  CongressLevel,
  Gender,
  GroupKind,
  GroupRole,
  RepresentativeStatus,
  StationTier,
} from './org.domain.ts';
import { fetchPage, textMatch } from './org.repo.ts';
import { representativeVisible } from './rep-visibility.repo.ts';

export interface RepresentativeRecord {
  id: number;
  code: string;
  name: string;
  gender: Gender;
  ethnicity: string | null;
  jurisdiction: { id: number; name: string };
  /** Path of the managing jurisdiction: the office whose scope contains it may edit the record. */
  jurisdictionPath: string;
  employer: string | null;
  post: string | null;
  sector: string | null;
  status: RepresentativeStatus;
  statusNote: string | null;
  isPublic: boolean;
  bio: string | null;
  /** Ciphertext; the service masks or (audited) reveals it. */
  phoneEnc: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RepresentativeFilter {
  q?: string | undefined;
  /** A sub-tree already resolved within the scope. */
  within?: Scope | undefined;
  level?: CongressLevel | undefined;
  congressId?: number | undefined;
  status?: RepresentativeStatus | undefined;
  gender?: Gender | undefined;
  sector?: string | undefined;
  groupId?: number | undefined;
  stationId?: number | undefined;
  gridId?: number | undefined;
  isPublic?: boolean | undefined;
  sort?: 'name' | 'code' | 'updatedAt' | undefined;
  /** Today's date, for "current seat" (the level filter). */
  today: string;
}

function representativeQuery(db: Kysely<DB>, scope: Scope) {
  return db
    .selectFrom('representative as r')
    .innerJoin('jurisdiction as j', 'j.id', 'r.jurisdiction_id')
    .select([
      'r.id',
      'r.code',
      'r.name',
      'r.gender',
      'r.ethnicity',
      'r.jurisdiction_id',
      'j.name as jurisdiction_name',
      'j.path as jurisdiction_path',
      'r.employer',
      'r.post',
      'r.sector',
      'r.status',
      'r.status_note',
      'r.is_public',
      'r.bio',
      'r.phone_enc',
      'r.created_at',
      'r.updated_at',
    ])
    .where(representativeVisible(scope, 'r.id', 'r.jurisdiction_id'));
}

type Row = Awaited<ReturnType<ReturnType<typeof representativeQuery>['executeTakeFirstOrThrow']>>;

function toRecord(r: Row): RepresentativeRecord {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    gender: r.gender,
    ethnicity: r.ethnicity,
    jurisdiction: { id: r.jurisdiction_id, name: r.jurisdiction_name },
    jurisdictionPath: r.jurisdiction_path,
    employer: r.employer,
    post: r.post,
    sector: r.sector,
    status: r.status,
    statusNote: r.status_note,
    isPublic: r.is_public === 1,
    bio: r.bio,
    phoneEnc: r.phone_enc,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The scoped, filtered and ordered query behind the list and the export. */
function filteredQuery(db: Kysely<DB>, scope: Scope, f: RepresentativeFilter) {
  let q = representativeQuery(db, scope);
  if (f.q) q = q.where(textMatch(f.q, ['r.name', 'r.code', 'r.employer']));
  if (f.within) q = q.where(inScope(f.within, 'r.jurisdiction_id'));
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.gender) q = q.where('r.gender', '=', f.gender);
  if (f.sector) q = q.where('r.sector', '=', f.sector);
  if (f.isPublic !== undefined) q = q.where('r.is_public', '=', f.isPublic ? 1 : 0);
  const { level, congressId, groupId, stationId, gridId, today } = f;
  if (level) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('representative_seat as s')
          .innerJoin('congress as c', 'c.id', 's.congress_id')
          .select('s.id')
          .whereRef('s.representative_id', '=', 'r.id')
          .where('c.level', '=', level)
          .where((e) => e.or([e('s.ended_on', 'is', null), e('s.ended_on', '>', today)])),
      ),
    );
  }
  if (congressId !== undefined) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('representative_seat as s')
          .select('s.id')
          .whereRef('s.representative_id', '=', 'r.id')
          .where('s.congress_id', '=', congressId),
      ),
    );
  }
  if (groupId !== undefined) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('group_member as m')
          .select('m.group_id')
          .whereRef('m.representative_id', '=', 'r.id')
          .where('m.group_id', '=', groupId),
      ),
    );
  }
  if (stationId !== undefined) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('station_member as m')
          .select('m.station_id')
          .whereRef('m.representative_id', '=', 'r.id')
          .where('m.station_id', '=', stationId),
      ),
    );
  }
  if (gridId !== undefined) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('grid_member as m')
          .select('m.grid_id')
          .whereRef('m.representative_id', '=', 'r.id')
          .where('m.grid_id', '=', gridId),
      ),
    );
  }
  switch (f.sort ?? 'code') {
    case 'name':
      return q.orderBy('r.name').orderBy('r.id');
    case 'code':
      return q.orderBy('r.code').orderBy('r.id');
    case 'updatedAt':
      return q.orderBy('r.updated_at', 'desc').orderBy('r.id', 'desc');
  }
}

export async function listRepresentatives(
  db: Kysely<DB>,
  scope: Scope,
  filter: RepresentativeFilter,
  page: number,
  pageSize: number,
) {
  const { rows, total } = await fetchPage(filteredQuery(db, scope, filter), page, pageSize);
  return { items: rows.map(toRecord), total };
}

/** Every matching row, up to `limit` (the export). */
export async function allRepresentatives(
  db: Kysely<DB>,
  scope: Scope,
  filter: RepresentativeFilter,
  limit: number,
): Promise<RepresentativeRecord[]> {
  const rows = await filteredQuery(db, scope, filter).limit(limit).execute();
  return rows.map(toRecord);
}

export async function findRepresentative(
  db: Kysely<DB>,
  scope: Scope,
  id: number,
): Promise<RepresentativeRecord | undefined> {
  const row = await representativeQuery(db, scope).where('r.id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export interface SeatRecord {
  id: number;
  congress: { id: number; name: string; level: CongressLevel; termNumber: number };
  delegation: string | null;
  constituency: string | null;
  electedOn: string | null;
  endedOn: string | null;
}

/** Seats, highest level and newest term first. */
export async function seatsOf(db: Kysely<DB>, representativeId: number): Promise<SeatRecord[]> {
  const rows = await db
    .selectFrom('representative_seat as s')
    .innerJoin('congress as c', 'c.id', 's.congress_id')
    .select([
      's.id',
      's.congress_id',
      'c.name',
      'c.level',
      'c.term_number',
      's.delegation',
      's.constituency',
      's.elected_on',
      's.ended_on',
    ])
    .where('s.representative_id', '=', representativeId)
    .orderBy('c.term_number', 'desc')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    congress: { id: r.congress_id, name: r.name, level: r.level, termNumber: r.term_number },
    delegation: r.delegation,
    constituency: r.constituency,
    electedOn: r.elected_on,
    endedOn: r.ended_on,
  }));
}

export interface Memberships {
  groups: { id: number; name: string; kind: GroupKind; role: GroupRole }[];
  stations: { id: number; name: string; tier: StationTier }[];
  grids: { id: number; name: string }[];
}

/** The groups, stations and grids a representative belongs to, as far as the scope lets the actor see. */
export async function membershipsOf(
  db: Kysely<DB>,
  scope: Scope,
  representativeId: number,
): Promise<Memberships> {
  const [groups, stations, grids] = await Promise.all([
    db
      .selectFrom('group_member as m')
      .innerJoin('rep_group as g', 'g.id', 'm.group_id')
      .select(['g.id', 'g.name', 'g.kind', 'm.role'])
      .where('m.representative_id', '=', representativeId)
      .where(inScope(scope, 'g.jurisdiction_id'))
      .orderBy('g.name')
      .orderBy('g.id')
      .execute(),
    db
      .selectFrom('station_member as m')
      .innerJoin('station as s', 's.id', 'm.station_id')
      .select(['s.id', 's.name', 's.tier'])
      .where('m.representative_id', '=', representativeId)
      .where(inScope(scope, 's.jurisdiction_id'))
      .orderBy('s.name')
      .orderBy('s.id')
      .execute(),
    db
      .selectFrom('grid_member as m')
      .innerJoin('grid as g', 'g.id', 'm.grid_id')
      .select(['g.id', 'g.name'])
      .where('m.representative_id', '=', representativeId)
      .where(inScope(scope, 'g.jurisdiction_id'))
      .orderBy('g.name')
      .orderBy('g.id')
      .execute(),
  ]);
  return { groups, stations, grids };
}

export interface RepresentativeColumns {
  code: string;
  name: string;
  gender: Gender;
  ethnicity: string | null;
  jurisdiction_id: number;
  employer: string | null;
  post: string | null;
  sector: string | null;
  status: RepresentativeStatus;
  status_note: string | null;
  is_public: number;
  bio: string | null;
  phone_enc: string | null;
  phone_hash: string | null;
}

/**
 * What a new representative holds where their creator says nothing: serving, public, and no
 * ethnicity, employer, post, sector, note, biography or phone. The create API and the test
 * fixtures start from it.
 */
export const NEW_REPRESENTATIVE_DEFAULTS = {
  ethnicity: null,
  employer: null,
  post: null,
  sector: null,
  status: 'active',
  status_note: null,
  is_public: 1,
  bio: null,
  phone_enc: null,
  phone_hash: null,
} as const satisfies Omit<RepresentativeColumns, 'code' | 'name' | 'gender' | 'jurisdiction_id'>;

export async function insertRepresentative(
  trx: Transaction<DB>,
  r: RepresentativeColumns,
  now: string,
): Promise<number> {
  const row = await trx
    .insertInto('representative')
    .values({ ...r, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRepresentative(
  trx: Transaction<DB>,
  id: number,
  patch: Partial<RepresentativeColumns>,
  now: string,
): Promise<void> {
  await trx
    .updateTable('representative')
    .set({ ...patch, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export interface SeatColumns {
  congress_id: number;
  delegation: string | null;
  constituency: string | null;
  elected_on: string | null;
  ended_on: string | null;
}

export async function replaceSeats(
  trx: Transaction<DB>,
  representativeId: number,
  seats: readonly SeatColumns[],
): Promise<void> {
  await trx.deleteFrom('representative_seat').where('representative_id', '=', representativeId).execute();
  if (seats.length > 0) {
    await trx
      .insertInto('representative_seat')
      .values(seats.map((s) => ({ ...s, representative_id: representativeId })))
      .execute();
  }
}

/** Seats, memberships and the row itself (seats and memberships cascade). */
export async function deleteRepresentative(trx: Transaction<DB>, id: number): Promise<void> {
  await trx.deleteFrom('representative').where('id', '=', id).execute();
}

/** What the public pages may know of a representative (and the flags that decide how much they show). */
export interface PublicProfileRecord {
  id: number;
  /** Null for a representative added since the QR codes were introduced who has not been given one yet. */
  publicCode: string | null;
  name: string;
  status: RepresentativeStatus;
  isPublic: boolean;
  employer: string | null;
  post: string | null;
  bio: string | null;
  jurisdictionId: number;
}

function publicProfileQuery(db: Kysely<DB>) {
  return db
    .selectFrom('representative as r')
    .select([
      'r.id',
      'r.public_code',
      'r.name',
      'r.status',
      'r.is_public',
      'r.employer',
      'r.post',
      'r.bio',
      'r.jurisdiction_id',
    ]);
}

type PublicProfileRow = Awaited<ReturnType<ReturnType<typeof publicProfileQuery>['executeTakeFirstOrThrow']>>;

function toPublicProfile(r: PublicProfileRow): PublicProfileRecord {
  return {
    id: r.id,
    publicCode: r.public_code,
    name: r.name,
    status: r.status,
    isPublic: r.is_public === 1,
    employer: r.employer,
    post: r.post,
    bio: r.bio,
    jurisdictionId: r.jurisdiction_id,
  };
}

/** A representative by the code printed in their QR, whatever the scope (the public page's way in). */
export async function findByPublicCode(
  db: Kysely<DB>,
  publicCode: string,
): Promise<PublicProfileRecord | undefined> {
  const row = await publicProfileQuery(db).where('r.public_code', '=', publicCode).executeTakeFirst();
  return row ? toPublicProfile(row) : undefined;
}

/** A representative's public profile by id within the scope (staff downloading the QR code). */
export async function findPublicProfile(
  db: Kysely<DB>,
  scope: Scope,
  id: number,
): Promise<PublicProfileRecord | undefined> {
  const row = await publicProfileQuery(db)
    .where('r.id', '=', id)
    .where(representativeVisible(scope, 'r.id', 'r.jurisdiction_id'))
    .executeTakeFirst();
  return row ? toPublicProfile(row) : undefined;
}

/** Everyone on a station's roster, whatever the scope, by name: the caller keeps the public ones. */
export async function profilesOnStation(db: Kysely<DB>, stationId: number): Promise<PublicProfileRecord[]> {
  const rows = await publicProfileQuery(db)
    .innerJoin('station_member as m', 'm.representative_id', 'r.id')
    .where('m.station_id', '=', stationId)
    .orderBy('r.name')
    .orderBy('r.id')
    .execute();
  return rows.map(toPublicProfile);
}

/** The ids of the stations whose roster holds the representative, whatever the scope. */
export async function stationIdsOf(db: Kysely<DB>, representativeId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('station_member')
    .select('station_id')
    .where('representative_id', '=', representativeId)
    .execute();
  return rows.map((r) => r.station_id);
}

/**
 * Give a representative their QR code if they have none yet. Only a missing code is written, so
 * two callers racing keep whichever code landed first, and a code once printed never changes.
 */
export async function fillPublicCode(db: Kysely<DB>, id: number, publicCode: string): Promise<string> {
  await db
    .updateTable('representative')
    .set({ public_code: publicCode })
    .where('id', '=', id)
    .where('public_code', 'is', null)
    .execute();
  const row = await db
    .selectFrom('representative')
    .select('public_code')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.public_code ?? publicCode;
}

/** How many representatives serve, in the whole deployment (the public headline). */
export async function countActive(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('representative')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
