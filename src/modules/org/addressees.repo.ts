/**
 * Where a citizen's message goes: a station, a representative or a grid, with what the opinion
 * loop needs to file it (the jurisdiction and its path, the station's liaison officer) and nothing
 * more: the public submission is the hot path, one indexed read for all the submissions written
 * together. Looked up by the public code of a QR code or by id, regardless of scope: a public code
 * is public, and the opinion loop checks the actor's right to the item it files (see
 * opinions/intake.service.ts). The public pages' richer views of the same records are in
 * stations.service.ts and representatives.service.ts.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export interface StationAddressee {
  id: number;
  name: string;
  status: 'active' | 'retired';
  jurisdictionId: number;
  jurisdictionPath: string;
  liaisonOfficerUserId: number | null;
}

function stationQuery(db: Kysely<DB>) {
  return db
    .selectFrom('station as s')
    .innerJoin('jurisdiction as j', 'j.id', 's.jurisdiction_id')
    .select(['s.id', 's.name', 's.status', 's.jurisdiction_id', 'j.path', 's.liaison_officer_user_id']);
}

type StationRow = Awaited<ReturnType<ReturnType<typeof stationQuery>['executeTakeFirstOrThrow']>>;

function toStation(r: StationRow): StationAddressee {
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    jurisdictionId: r.jurisdiction_id,
    jurisdictionPath: r.path,
    liaisonOfficerUserId: r.liaison_officer_user_id,
  };
}

/** Stations by the public codes of their QR codes (any status), keyed by code; unknown codes are absent. */
export async function stationsByPublicCodes(
  db: Kysely<DB>,
  codes: readonly string[],
): Promise<Map<string, StationAddressee>> {
  if (codes.length === 0) return new Map();
  const rows = await stationQuery(db)
    .select('s.public_code')
    .where('s.public_code', 'in', [...new Set(codes)])
    .execute();
  return new Map(rows.map((r) => [r.public_code, toStation(r)]));
}

export async function stationById(db: Kysely<DB>, id: number): Promise<StationAddressee | undefined> {
  const row = await stationQuery(db).where('s.id', '=', id).executeTakeFirst();
  return row ? toStation(row) : undefined;
}

export interface RepresentativeAddressee {
  id: number;
  name: string;
  status: 'active' | 'suspended' | 'terminated';
  /** The jurisdiction whose office manages the representative. */
  jurisdictionId: number;
  jurisdictionPath: string;
}

function representativeQuery(db: Kysely<DB>) {
  return db
    .selectFrom('representative as r')
    .innerJoin('jurisdiction as j', 'j.id', 'r.jurisdiction_id')
    .select(['r.id', 'r.name', 'r.status', 'r.jurisdiction_id', 'j.path']);
}

type RepresentativeRow = Awaited<
  ReturnType<ReturnType<typeof representativeQuery>['executeTakeFirstOrThrow']>
>;

const toRepresentative = (r: RepresentativeRow): RepresentativeAddressee => ({
  id: r.id,
  name: r.name,
  status: r.status,
  jurisdictionId: r.jurisdiction_id,
  jurisdictionPath: r.path,
});

/** Representatives by the public codes of their QR codes (any status), keyed by code. */
export async function representativesByPublicCodes(
  db: Kysely<DB>,
  codes: readonly string[],
): Promise<Map<string, RepresentativeAddressee>> {
  if (codes.length === 0) return new Map();
  const rows = await representativeQuery(db)
    .select('r.public_code')
    .where('r.public_code', 'in', [...new Set(codes)])
    .execute();
  return new Map(rows.map((r) => [r.public_code!, toRepresentative(r)]));
}

export async function representativeById(
  db: Kysely<DB>,
  id: number,
): Promise<RepresentativeAddressee | undefined> {
  const row = await representativeQuery(db).where('r.id', '=', id).executeTakeFirst();
  return row ? toRepresentative(row) : undefined;
}

export interface GridAddressee {
  id: number;
  name: string;
  jurisdictionId: number;
  jurisdictionPath: string;
  stationId: number | null;
  /** The liaison officer of the grid's station, if any. */
  liaisonOfficerUserId: number | null;
}

export async function gridById(db: Kysely<DB>, id: number): Promise<GridAddressee | undefined> {
  const row = await db
    .selectFrom('grid as g')
    .innerJoin('jurisdiction as j', 'j.id', 'g.jurisdiction_id')
    .leftJoin('station as s', 's.id', 'g.station_id')
    .select(['g.id', 'g.name', 'g.jurisdiction_id', 'j.path', 'g.station_id', 's.liaison_officer_user_id'])
    .where('g.id', '=', id)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        name: row.name,
        jurisdictionId: row.jurisdiction_id,
        jurisdictionPath: row.path,
        stationId: row.station_id,
        liaisonOfficerUserId: row.liaison_officer_user_id,
      }
    : undefined;
}
