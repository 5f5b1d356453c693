/**
 * Where a citizen's message goes (a station, a representative or a grid), for the opinion loop's
 * intake. Not scoped: the public reaches stations and representatives by the public code of their
 * QR code, and staff intake checks that the item it files is one the actor may see.
 */
import type { AppContext } from '../../platform/context.ts';
import * as repo from './addressees.repo.ts';

export type { GridAddressee, RepresentativeAddressee, StationAddressee } from './addressees.repo.ts';

/** Stations by the public codes of their QR codes (any status), keyed by code. */
export function stationsByPublicCodes(ctx: AppContext, codes: readonly string[]) {
  return repo.stationsByPublicCodes(ctx.database.db, codes);
}

/** Representatives by the public codes of their QR codes (any status), keyed by code. */
export function representativesByPublicCodes(ctx: AppContext, codes: readonly string[]) {
  return repo.representativesByPublicCodes(ctx.database.db, codes);
}

export function stationAddressee(ctx: AppContext, id: number) {
  return repo.stationById(ctx.database.db, id);
}

export function representativeAddressee(ctx: AppContext, id: number) {
  return repo.representativeById(ctx.database.db, id);
}

export function gridAddressee(ctx: AppContext, id: number) {
  return repo.gridById(ctx.database.db, id);
}
