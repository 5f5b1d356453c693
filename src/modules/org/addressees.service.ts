/**
 * Where a citizen's message goes (a station, a representative or a grid), for the opinion loop's
 * intake. Not scoped: the public reaches stations and representatives by the public code of their
 * QR code, and staff intake checks that the item it files is one the actor may see.
 */
import type { AppContext } from '../../platform/context.ts';
import * as repo from './addressees.repo.ts';

export type { GridAddressee, RepresentativeAddressee, StationAddressee } from './addressees.repo.ts';

/** A station by the public code of its QR code (any status). */
export function stationByPublicCode(ctx: AppContext, code: string) {
  return repo.stationByPublicCode(ctx.database.db, code);
}

/** A representative by the public code of their QR code (any status). */
export function representativeByPublicCode(ctx: AppContext, code: string) {
  return repo.representativeByPublicCode(ctx.database.db, code);
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
