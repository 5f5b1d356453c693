/**
 * The second pass of an import: the drafts of a file checked against each other (a key twice in
 * the file, a parent further down) and against the lookups (a key already taken, a reference that
 * does not exist or lies outside the importer's jurisdiction), and turned into the records to
 * insert. A row with any problem yields no record; the commit refuses the file if any row has one.
 */
import type { Scope } from '../../platform/db/scope.ts';
import type { Bilingual } from '../../platform/http/errors.ts';
import { ProblemList } from './import.columns.ts';
import { msg, type ImportError, type ImportKind } from './import.domain.ts';
import { congressVisible, targetInScope, type ImportLookups, type Target } from './import.lookups.ts';
import type {
  GridRecord,
  ImportBatch,
  ParentRef,
  RepresentativeRecord,
  StationRecord,
  UnitRecord,
} from './import.records.ts';
import type { Drafts, GridDraft, RepresentativeDraft, StationDraft, UnitDraft } from './import.rows.ts';
import { isValidParentTier, STATION_TIER_LABELS } from './org.domain.ts';

/** A draft of a kind that hangs in a tree (stations, units). */
interface TreeDraft {
  row: number;
  code: string | null;
  parent: string | null;
}

/** Where a row hangs: its parent, how deep below the file's roots, and the parent itself. */
interface Placement<D, T> {
  parent: ParentRef;
  depth: number;
  /** The parent's row, when it is created by the same file. */
  inFile: D | null;
  /** The parent, when it exists already. */
  existing: T | null;
}

/** Checks of one kind's rows against each other and against the database. */
class Resolver {
  private readonly problems: ProblemList;
  constructor(
    kind: ImportKind,
    readonly scope: Scope,
    readonly lookups: ImportLookups,
  ) {
    this.problems = new ProblemList(kind);
  }

  get errors(): ImportError[] {
    return this.problems.errors;
  }

  fail(row: number, key: string, value: string | null, message: Bilingual): void {
    this.problems.add(row, key, value, message);
  }

  private notFound(row: number, key: string, code: string): void {
    const c = this.problems.column(key);
    this.fail(
      row,
      key,
      code,
      msg(
        `${c.header}“${code}”不存在或不在您的管辖范围内`,
        `${c.en} "${code}" does not exist or is outside your jurisdiction`,
      ),
    );
  }

  /**
   * A record of each draft that raises no new problem. `build` checks a draft's references
   * (reporting them) and returns its record, or null when a field it needs failed to read.
   */
  records<D, R>(drafts: readonly D[], build: (draft: D, index: number) => R | null): R[] {
    const records: R[] = [];
    drafts.forEach((draft, index) => {
      const before = this.problems.count;
      const record = build(draft, index);
      if (record !== null && this.problems.count === before) records.push(record);
    });
    return records;
  }

  /** The id of a scoped record by its code, or null after reporting it. */
  ref(row: number, key: string, map: ReadonlyMap<string, Target>, code: string | null): number | null {
    if (code === null) return null;
    const t = map.get(code);
    if (targetInScope(this.scope, t)) return t.id;
    this.notFound(row, key, code);
    return null;
  }

  /** The ids of several scoped records, or null when any is missing (each reported). */
  refs(
    row: number,
    key: string,
    map: ReadonlyMap<string, Target>,
    codes: readonly string[],
    visible = targetInScope,
  ): number[] | null {
    const ids: number[] = [];
    let ok = true;
    for (const code of codes) {
      const t = map.get(code);
      if (visible(this.scope, t)) ids.push(t.id);
      else {
        this.notFound(row, key, code);
        ok = false;
      }
    }
    return ok ? ids : null;
  }

  /** Each key once in the file and not yet in the database. */
  uniqueKeys(
    drafts: readonly { row: number; code: string | null }[],
    existing: ReadonlyMap<string, Target>,
  ): void {
    const rowsByCode = new Map<string, number[]>();
    for (const d of drafts) {
      if (d.code === null) continue;
      const rows = rowsByCode.get(d.code);
      if (rows) rows.push(d.row);
      else rowsByCode.set(d.code, [d.row]);
    }
    const c = this.problems.column('code');
    for (const d of drafts) {
      if (d.code === null) continue;
      const rows = rowsByCode.get(d.code)!;
      if (rows.length > 1) {
        this.fail(
          d.row,
          'code',
          d.code,
          msg(
            `${c.header}“${d.code}”在文件中重复出现（第 ${rows.join('、')} 行）`,
            `${c.en} "${d.code}" appears more than once in the file (rows ${rows.join(', ')})`,
          ),
        );
      }
      if (existing.has(d.code)) {
        this.fail(
          d.row,
          'code',
          d.code,
          msg(`${c.header}“${d.code}”已存在`, `${c.en} "${d.code}" already exists`),
        );
      }
    }
  }

  /**
   * The parents of tree-shaped rows: a parent is a row further up the file or an existing
   * record in scope. Returns a function to call for each row in file order: it gives the row's
   * placement, or null after reporting the problem; a row's depth follows from its parent row's.
   */
  parents<D extends TreeDraft, T extends Target>(
    drafts: readonly D[],
    existing: ReadonlyMap<string, T>,
  ): (index: number) => Placement<D, T> | null {
    const firstIndex = new Map<string, number>();
    drafts.forEach((d, i) => {
      if (d.code !== null && !firstIndex.has(d.code)) firstIndex.set(d.code, i);
    });
    const depths: number[] = [];
    const c = this.problems.column('parent');
    const place = (index: number): Placement<D, T> | null => {
      const self = drafts[index]!;
      const code = self.parent;
      if (code === null) return { parent: null, depth: 0, inFile: null, existing: null };
      if (code === self.code) {
        this.fail(
          self.row,
          'parent',
          code,
          msg(`${c.header}不能是本行自己`, `${c.en} cannot be the row itself`),
        );
        return null;
      }
      const at = firstIndex.get(code);
      if (at !== undefined) {
        const parentRow = drafts[at]!;
        if (at > index) {
          this.fail(
            self.row,
            'parent',
            code,
            msg(
              `${c.header}“${code}”在第 ${parentRow.row} 行，须排在本行（第 ${self.row} 行）之前`,
              `${c.en} "${code}" is on row ${parentRow.row}; it must come before this row (${self.row})`,
            ),
          );
          return null;
        }
        return { parent: { code }, depth: depths[at]! + 1, inFile: parentRow, existing: null };
      }
      const t = existing.get(code);
      if (targetInScope(this.scope, t)) return { parent: { id: t.id }, depth: 0, inFile: null, existing: t };
      this.notFound(self.row, 'parent', code);
      return null;
    };
    return (index) => {
      const placement = place(index);
      depths[index] = placement?.depth ?? 0;
      return placement;
    };
  }
}

function representatives(rz: Resolver, drafts: readonly RepresentativeDraft[]): RepresentativeRecord[] {
  const { lookups } = rz;
  rz.uniqueKeys(drafts, lookups.representatives);
  /** One 代表团/选区 for every seat, or one per seat in order (checked when the row was read). */
  const seatText = (values: string[], i: number) =>
    values.length === 0 ? null : ((values.length === 1 ? values[0] : values[i]) ?? null);
  return rz.records(drafts, (x) => {
    const jurisdictionId = rz.ref(x.row, 'jurisdiction', lookups.jurisdictions, x.jurisdiction);
    const congressIds = rz.refs(x.row, 'congresses', lookups.congresses, x.congresses, congressVisible);
    const stationIds = rz.refs(x.row, 'stations', lookups.stations, x.stations);
    const groupIds = rz.refs(x.row, 'groups', lookups.groups, x.groups);
    const gridIds = rz.refs(x.row, 'grids', lookups.grids, x.grids);
    if (x.code === null || x.name === null || x.gender === null || jurisdictionId === null) return null;
    if (congressIds === null || stationIds === null || groupIds === null || gridIds === null) return null;
    return {
      row: x.row,
      code: x.code,
      name: x.name,
      gender: x.gender,
      ethnicity: x.ethnicity,
      jurisdictionId,
      employer: x.employer,
      post: x.post,
      sector: x.sector,
      status: x.status,
      isPublic: x.isPublic,
      phone: x.phone,
      seats: congressIds.map((congressId, i) => ({
        congressId,
        delegation: seatText(x.delegation, i),
        constituency: seatText(x.constituency, i),
      })),
      stationIds,
      groupIds,
      gridIds,
      bio: x.bio,
    };
  });
}

function stations(rz: Resolver, drafts: readonly StationDraft[]): StationRecord[] {
  const { lookups } = rz;
  rz.uniqueKeys(drafts, lookups.stations);
  const placementOf = rz.parents(drafts, lookups.stations);
  return rz.records(drafts, (x, i) => {
    const jurisdictionId = rz.ref(x.row, 'jurisdiction', lookups.jurisdictions, x.jurisdiction);
    const p = placementOf(i);
    const parentTier = p?.inFile?.tier ?? p?.existing?.tier ?? null;
    if (x.tier !== null && parentTier !== null && !isValidParentTier(parentTier, x.tier)) {
      const [pt, ct] = [STATION_TIER_LABELS[parentTier], STATION_TIER_LABELS[x.tier]];
      rz.fail(
        x.row,
        'parent',
        x.parent,
        msg(
          `上级站点“${x.parent ?? ''}”是${pt.zh}，层级须高于本站点（${ct.zh}）`,
          `The parent station "${x.parent ?? ''}" is a ${pt.en}; it must be of a higher tier than this ${ct.en}`,
        ),
      );
    }
    if (x.code === null || x.name === null || x.tier === null || jurisdictionId === null || p === null)
      return null;
    return {
      row: x.row,
      code: x.code,
      name: x.name,
      tier: x.tier,
      theme: x.theme,
      jurisdictionId,
      parent: p.parent,
      depth: p.depth,
      address: x.address,
      receptionRule: x.receptionRule,
      receptionStart: x.receptionStart,
      receptionEnd: x.receptionEnd,
      openedOn: x.openedOn,
      status: x.status,
    };
  });
}

function units(rz: Resolver, drafts: readonly UnitDraft[]): UnitRecord[] {
  const { lookups } = rz;
  rz.uniqueKeys(drafts, lookups.units);
  const placementOf = rz.parents(drafts, lookups.units);
  return rz.records(drafts, (x, i) => {
    const jurisdictionId = rz.ref(x.row, 'jurisdiction', lookups.jurisdictions, x.jurisdiction);
    const p = placementOf(i);
    // Categories by code or name; two names of the same category count once.
    const categoryCodes: string[] = [];
    for (const name of x.categories) {
      const code = lookups.categories.get(name) ?? lookups.categories.get(name.toLowerCase());
      if (code === undefined) {
        rz.fail(
          x.row,
          'categories',
          name,
          msg(
            `办理类别“${name}”不存在（请填类别编码或名称）`,
            `No category "${name}" (give its code or name)`,
          ),
        );
      } else if (!categoryCodes.includes(code)) {
        categoryCodes.push(code);
      }
    }
    if (x.code === null || x.name === null || x.kind === null || jurisdictionId === null || p === null)
      return null;
    return {
      row: x.row,
      code: x.code,
      name: x.name,
      shortName: x.shortName,
      kind: x.kind,
      jurisdictionId,
      parent: p.parent,
      depth: p.depth,
      contactName: x.contactName,
      contactPhone: x.contactPhone,
      categoryCodes,
      status: x.status,
    };
  });
}

function grids(rz: Resolver, drafts: readonly GridDraft[]): GridRecord[] {
  const { lookups } = rz;
  rz.uniqueKeys(drafts, lookups.grids);
  return rz.records(drafts, (x) => {
    const jurisdictionId = rz.ref(x.row, 'jurisdiction', lookups.jurisdictions, x.jurisdiction);
    const stationId = rz.ref(x.row, 'station', lookups.stations, x.station);
    const representativeIds = rz.refs(x.row, 'representatives', lookups.representatives, x.representatives);
    if (x.code === null || x.name === null || jurisdictionId === null || representativeIds === null)
      return null;
    return {
      row: x.row,
      code: x.code,
      name: x.name,
      jurisdictionId,
      stationId,
      description: x.description,
      representativeIds,
    };
  });
}

/** Check keys and references of the drafts; the records are complete only when there are no errors. */
export function resolveDrafts(
  d: Drafts,
  lookups: ImportLookups,
  scope: Scope,
): { batch: ImportBatch; errors: ImportError[]; rowsWithErrors: Set<number> } {
  const rz = new Resolver(d.kind, scope, lookups);
  let batch: ImportBatch;
  switch (d.kind) {
    case 'representatives':
      batch = { kind: d.kind, records: representatives(rz, d.drafts) };
      break;
    case 'stations':
      batch = { kind: d.kind, records: stations(rz, d.drafts) };
      break;
    case 'units':
      batch = { kind: d.kind, records: units(rz, d.drafts) };
      break;
    case 'grids':
      batch = { kind: d.kind, records: grids(rz, d.drafts) };
      break;
  }
  return { batch, errors: rz.errors, rowsWithErrors: new Set(rz.errors.map((e) => e.row)) };
}
