/**
 * What the drafts of a file refer to, so the service can look every code up at once (one query
 * per table, import.repo.ts), and who may refer to what. Lookups are not scoped by the query: the
 * import must know that a code exists anywhere (a key already taken), and decides visibility here
 * from each record's jurisdiction path.
 */
import { pathInScope, type Scope } from '../../platform/db/scope.ts';
import type { Drafts } from './import.rows.ts';
import type { StationTier } from './org.domain.ts';

/** The codes a file refers to, per table, so they can be looked up in one query each. */
export interface CodeRequest {
  jurisdictions: Set<string>;
  congresses: Set<string>;
  stations: Set<string>;
  groups: Set<string>;
  grids: Set<string>;
  units: Set<string>;
  representatives: Set<string>;
  /** Categories are few: all of them are loaded, by code and by name, when a file names any. */
  categories: boolean;
}

/** Every code the drafts hold, own keys included (to find those already taken). */
export function referencedCodes(d: Drafts): CodeRequest {
  const req: CodeRequest = {
    jurisdictions: new Set(),
    congresses: new Set(),
    stations: new Set(),
    groups: new Set(),
    grids: new Set(),
    units: new Set(),
    representatives: new Set(),
    categories: false,
  };
  const add = (set: Set<string>, ...codes: (string | null)[]) => {
    for (const c of codes) if (c !== null) set.add(c);
  };
  switch (d.kind) {
    case 'representatives':
      for (const x of d.drafts) {
        add(req.representatives, x.code);
        add(req.jurisdictions, x.jurisdiction);
        add(req.congresses, ...x.congresses);
        add(req.stations, ...x.stations);
        add(req.groups, ...x.groups);
        add(req.grids, ...x.grids);
      }
      break;
    case 'stations':
      for (const x of d.drafts) {
        add(req.stations, x.code, x.parent);
        add(req.jurisdictions, x.jurisdiction);
      }
      break;
    case 'units':
      req.categories = true;
      for (const x of d.drafts) {
        add(req.units, x.code, x.parent);
        add(req.jurisdictions, x.jurisdiction);
      }
      break;
    case 'grids':
      for (const x of d.drafts) {
        add(req.grids, x.code);
        add(req.jurisdictions, x.jurisdiction);
        add(req.stations, x.station);
        add(req.representatives, ...x.representatives);
      }
      break;
  }
  return req;
}

/** A record found by its code: its id and the path of its jurisdiction (null: above the deployment). */
export interface Target {
  id: number;
  path: string | null;
}

export interface ImportLookups {
  jurisdictions: ReadonlyMap<string, Target>;
  congresses: ReadonlyMap<string, Target>;
  stations: ReadonlyMap<string, Target & { tier: StationTier }>;
  groups: ReadonlyMap<string, Target>;
  grids: ReadonlyMap<string, Target>;
  units: ReadonlyMap<string, Target>;
  representatives: ReadonlyMap<string, Target>;
  /** Category code, Chinese name and lower-case English name → code. */
  categories: ReadonlyMap<string, string>;
}

/** Lookups that find nothing: the start of loading them, and of tests. */
export const emptyLookups = (): ImportLookups => ({
  jurisdictions: new Map(),
  congresses: new Map(),
  stations: new Map(),
  groups: new Map(),
  grids: new Map(),
  units: new Map(),
  representatives: new Map(),
  categories: new Map(),
});

/** A record of the importer's jurisdiction or below. */
export function targetInScope(scope: Scope, t: Target | undefined): t is Target {
  return t !== undefined && t.path !== null && pathInScope(scope, t.path);
}

/**
 * A congress a representative of this scope may sit in: one of the scope's own sub-tree, or one
 * above it (a county office records that its representatives also sit in the city and the
 * national congress), but never a sibling's (county B's congress for county A).
 */
export function congressVisible(scope: Scope, t: Target | undefined): t is Target {
  return t !== undefined && (t.path === null || pathInScope(scope, t.path) || scope.path.startsWith(t.path));
}
