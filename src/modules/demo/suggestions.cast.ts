/**
 * Who takes part in the demo's suggestions, and where a case can go. Representatives lead and
 * co-sign only on congresses they serve on (active, with a seat not ended, elected by then); the
 * congress's staff screen and assign (a town's cases by its county's staff, as notices find the
 * nearest 代表工委); units are those the congress's staff may assign to — in the congress's area
 * — and a lead unit handles the case's category there (the routing table of units.ts).
 */
import type { DemoAccount, DemoCongress, DemoRepresentative, DemoSeat, DemoUnit } from './demo.types.ts';
import { isWithin, type Geography } from './jurisdictions.ts';
import { localCongressCode } from './congresses.ts';
import type { Cast } from './opinions.cast.ts';
import type { SimActor } from './opinions.simulator.ts';
import type { Place, SuggestionTopic, TopicLevel } from './suggestions.topics.ts';

/** Who acts on a case: a demo account where there is one, else a named person. */
export interface Person {
  username: string | null;
  name: string | null;
}

/** Units that take only what is addressed to them by nature (a court, a procuratorate). */
const BY_NATURE_ONLY = new Set(['fy', 'jcy']);

const keyOf = (unit: DemoUnit): string => unit.code.split('-')[2] ?? '';

export class SuggestionCast {
  readonly cast: Cast;
  private readonly seats = new Map<string, DemoSeat[]>();
  private readonly reps: Map<string, DemoRepresentative>;
  private readonly congresses: Map<string, DemoCongress>;
  private readonly accounts: Map<string, DemoAccount>;
  private readonly servingCache = new Map<string, DemoRepresentative[]>();
  private readonly groups = new Map<string, string>();

  constructor(
    readonly geo: Geography,
    congresses: readonly DemoCongress[],
    representatives: readonly DemoRepresentative[],
    seats: readonly DemoSeat[],
    readonly units: readonly DemoUnit[],
    accounts: readonly DemoAccount[],
    cast: Cast,
  ) {
    this.cast = cast;
    this.reps = new Map(representatives.map((r) => [r.code, r]));
    this.congresses = new Map(congresses.map((c) => [c.code, c]));
    this.accounts = new Map(accounts.map((a) => [a.username, a]));
    for (const s of seats) {
      const list = this.seats.get(s.congressCode) ?? [];
      list.push(s);
      this.seats.set(s.congressCode, list);
    }
  }

  congress(code: string): DemoCongress {
    const c = this.congresses.get(code);
    if (!c) throw new Error(`no demo congress ${code}`);
    return c;
  }

  /** The congress of a jurisdiction (a village has none). */
  congressOf(jurisdictionCode: string): DemoCongress | null {
    return this.congresses.get(localCongressCode(jurisdictionCode)) ?? null;
  }

  representative(code: string): DemoRepresentative {
    const r = this.reps.get(code);
    if (!r) throw new Error(`no demo representative ${code}`);
    return r;
  }

  /** The level of topics a congress raises. */
  static levelOf(congress: DemoCongress): TopicLevel {
    return congress.level === 'city' ? 'city' : congress.level === 'county' ? 'county' : 'town';
  }

  /** Serving on the congress on `date` ('YYYY-MM-DD'): active now, seat not ended, elected by then. */
  serving(congressCode: string, date: string): DemoRepresentative[] {
    const key = `${congressCode}|${date}`;
    let found = this.servingCache.get(key);
    if (!found) {
      found = (this.seats.get(congressCode) ?? [])
        .filter((s) => s.endedOn === null && s.electedOn <= date)
        .map((s) => this.representative(s.representativeCode))
        .filter((r) => r.status === 'active');
      this.servingCache.set(key, found);
    }
    return found;
  }

  isServing(repCode: string, congressCode: string, date: string): boolean {
    const rep = this.reps.get(repCode);
    return (
      rep?.status === 'active' &&
      (this.seats.get(congressCode) ?? []).some(
        (s) => s.representativeCode === repCode && s.endedOn === null && s.electedOn <= date,
      )
    );
  }

  /** The congresses (with a jurisdiction) a representative serves on. */
  congressesOf(repCode: string, date: string): DemoCongress[] {
    return [...this.congresses.values()].filter(
      (c) => c.jurisdictionCode !== null && this.isServing(repCode, c.code, date),
    );
  }

  /** The seat's delegation (代表团), else the township one lives in: co-signers come mostly from the same. */
  groupOf(repCode: string, congressCode: string): string {
    const key = `${repCode}|${congressCode}`;
    let group = this.groups.get(key);
    if (group === undefined) {
      const seat = (this.seats.get(congressCode) ?? []).find((s) => s.representativeCode === repCode);
      group = seat?.delegation ?? this.geo.townshipOf(this.representative(repCode).homeCode).code;
      this.groups.set(key, group);
    }
    return group;
  }

  /** The congress's 代表工委: its own, or the nearest above (a town's cases: the county's). */
  staffOf(congress: DemoCongress): SimActor {
    return this.cast.staffFor(congress.jurisdictionCode!);
  }

  person(rep: DemoRepresentative): Person {
    const a = this.cast.representative(rep);
    return { username: a.username, name: a.name };
  }

  unitActor(unit: DemoUnit): Person {
    const a = this.cast.unitActor(unit);
    return { username: a.username, name: a.name };
  }

  account(username: string): DemoAccount {
    const a = this.accounts.get(username);
    if (!a) throw new Error(`no demo account ${username}`);
    return a;
  }

  unit(code: string): DemoUnit {
    return this.cast.unit(code);
  }

  /** The units the congress's staff may assign to: those in the congress's area. */
  unitsOf(congress: DemoCongress): DemoUnit[] {
    const j = congress.jurisdictionCode!;
    return this.units.filter((u) => isWithin(u.jurisdictionCode, j));
  }

  /** Whether a unit in the congress's area handles the category in its own jurisdiction. */
  handles(congress: DemoCongress, category: string): boolean {
    return this.unitsOf(congress).some((u) => u.categories.includes(category));
  }

  /**
   * The lead unit (主办): a unit named by the topic's nature, else one of the congress's own level
   * handling the category, else the place's own street or town office, else any office below.
   */
  leadUnit(
    congress: DemoCongress,
    topic: Pick<SuggestionTopic, 'category' | 'unit'>,
    place: Place,
  ): DemoUnit | null {
    const candidates = this.unitsOf(congress).filter((u) => u.categories.includes(topic.category));
    const own = candidates.filter((u) => u.jurisdictionCode === congress.jurisdictionCode);
    const named = topic.unit ? own.find((u) => keyOf(u) === topic.unit) : undefined;
    if (named) return named;
    const general = own.filter((u) => !BY_NATURE_ONLY.has(keyOf(u)));
    if (general.length > 0) return general[0]!;
    const local = candidates.find((u) => u.jurisdictionCode === place.townshipCode);
    return local ?? candidates.find((u) => !BY_NATURE_ONLY.has(keyOf(u))) ?? null;
  }

  /**
   * Co-units (协办) named by the topic: 'local' is the unit one level below the congress in the
   * place's chain that handles the category; another key is a unit of the congress's own level.
   */
  coUnits(
    congress: DemoCongress,
    topic: Pick<SuggestionTopic, 'category' | 'co'>,
    place: Place,
    lead: DemoUnit,
  ): DemoUnit[] {
    const mine = this.unitsOf(congress);
    const out: DemoUnit[] = [];
    for (const key of topic.co ?? []) {
      let found: DemoUnit | undefined;
      if (key === 'local') {
        const below = [place.countyCode, place.townshipCode].filter(
          (code) => code !== congress.jurisdictionCode && isWithin(code, congress.jurisdictionCode!),
        );
        for (const code of below) {
          found = mine.find((u) => u.jurisdictionCode === code && u.categories.includes(topic.category));
          if (found) break;
        }
      } else {
        found = mine.find((u) => u.jurisdictionCode === congress.jurisdictionCode && keyOf(u) === key);
      }
      if (found && found.code !== lead.code && !out.includes(found)) out.push(found);
    }
    return out;
  }

  /** Other units of the congress's level a case can be misrouted to first (and returned from). */
  strayUnits(congress: DemoCongress, lead: DemoUnit): DemoUnit[] {
    return this.unitsOf(congress).filter(
      (u) =>
        u.code !== lead.code &&
        u.jurisdictionCode === congress.jurisdictionCode &&
        u.categories.length > 0 &&
        !BY_NATURE_ONLY.has(keyOf(u)),
    );
  }
}
