/**
 * The demo organisation of 清江市, generated from a seed: pure and repeatable (the same seed and
 * date give exactly the same rows). Each part has its own file and its own random stream; later
 * parts (a year of opinions, suggestions and activities) add a generator here and a step to the
 * insert, without disturbing the parts before them. The year of opinions (opinions.generate.ts)
 * is the first such part; the year of suggestions and motions (suggestions.generate.ts) the second,
 * drawn from its own stream ('suggestions'), with the opinions it takes up (suggestions.conversion.ts);
 * the year of activities and duty-performance scores (activities.generate.ts) the third, from the
 * stream 'activities', reading the parts before it and changing none of them.
 */
import { buildAccounts } from './accounts.ts';
import { buildCongresses } from './congresses.ts';
import type { DemoData } from './demo.types.ts';
import { buildGeography } from './jurisdictions.ts';
import { buildGrids } from './grids.ts';
import { buildGroups } from './groups.ts';
import { NameBook } from './names.ts';
import { Random } from './random.ts';
import { buildRepresentatives, buildRoster } from './representatives.ts';
import { buildStations } from './stations.ts';
import { buildUnits } from './units.ts';
import { buildOpinions } from './opinions.generate.ts';
import { countOpinions, type OpinionCounts } from './opinions.stats.ts';
import { DEFAULT_OPINION_POLICY, type OpinionPolicy } from './opinions.time.ts';
import type { SuggestionLimits } from '../suggestions/suggestions.deadlines.ts';
import { Cast } from './opinions.cast.ts';
import { SuggestionCast } from './suggestions.cast.ts';
import { ConversionDesk } from './suggestions.conversion.ts';
import { buildSuggestions, DEFAULT_SUGGESTION_LIMITS } from './suggestions.generate.ts';
import { countSuggestions, type SuggestionCounts } from './suggestions.stats.ts';
import { buildActivities } from './activities.generate.ts';
import { countActivities, type ActivityCounts } from './activities.stats.ts';

export const DEFAULT_DEMO_SEED = 'qingjiang';

export interface GenerateOptions {
  seed?: string;
  /** The seeding instant: rows are created "now", and dates such as stations' opening lie before it. */
  now: Date;
  /** The deployment's deadlines (config.opinions); DESIGN.md's defaults when absent. */
  policy?: OpinionPolicy;
  /** The deployment's suggestion deadlines and rules (config.suggestions); DESIGN.md's defaults when absent. */
  suggestionLimits?: SuggestionLimits;
}

export type DemoOrganisation = Omit<
  DemoData,
  'opinions' | 'opinionStats' | 'notifications' | 'suggestions' | 'suggestionCounters' | ActivityParts
>;

type ActivityParts =
  'activities' | 'ruleSets' | 'excellentSuggestions' | 'scoreEntries' | 'performanceHistory';

/** What the activities build on: the organisation and the years of opinions and suggestions. */
export type DemoCoreData = Omit<DemoData, ActivityParts>;

/**
 * The whole demo: the organisation, a year of opinions and of suggestions before `now`, and the
 * representatives' activities and scores of that year (with the coming weeks' activities).
 */
export function generateDemoData(options: GenerateOptions): DemoData {
  const core = generateCoreData(options);
  const activities = buildActivities({
    rng: new Random(options.seed ?? DEFAULT_DEMO_SEED).fork('activities'),
    geo: buildGeography(),
    data: core,
    now: options.now,
  });
  return {
    ...core,
    activities: activities.activities,
    ruleSets: activities.ruleSets,
    excellentSuggestions: activities.excellentSuggestions,
    scoreEntries: activities.scoreEntries,
    performanceHistory: activities.performanceHistory,
    notifications: [...core.notifications, ...activities.notifications],
  };
}

/** The organisation and the years of opinions and suggestions, without the activities. */
export function generateCoreData(options: GenerateOptions): DemoCoreData {
  const { organisation, rng, usedNames } = organise(options);
  const now = options.now;
  const geo = buildGeography();
  // The cast of the opinions, with the same office phones (the opinions' own 'landlines' stream).
  const cast = new Cast(
    geo,
    organisation.accounts,
    organisation.units,
    rng.fork('opinions').fork('landlines'),
  );
  const people = new SuggestionCast(
    geo,
    organisation.congresses,
    organisation.representatives,
    organisation.seats,
    organisation.units,
    organisation.accounts,
    cast,
  );
  const { conversions, ...opinions } = buildOpinions({
    rng: rng.fork('opinions'),
    geo,
    representatives: organisation.representatives,
    stations: organisation.stations,
    grids: organisation.grids,
    units: organisation.units,
    accounts: organisation.accounts,
    now,
    policy: options.policy ?? DEFAULT_OPINION_POLICY,
    usedNames,
    desk: new ConversionDesk(people),
  });
  const suggestions = buildSuggestions({
    rng: rng.fork('suggestions'),
    geo,
    congresses: organisation.congresses,
    representatives: organisation.representatives,
    seats: organisation.seats,
    units: organisation.units,
    accounts: organisation.accounts,
    people,
    conversions,
    now,
    limits: options.suggestionLimits ?? DEFAULT_SUGGESTION_LIMITS,
    usedNames,
  });
  return {
    ...organisation,
    ...opinions,
    suggestions: suggestions.suggestions,
    suggestionCounters: suggestions.suggestionCounters,
    notifications: [...opinions.notifications, ...suggestions.notifications],
  };
}

/** The organisation alone (no opinions): enough to list the demo log-ins, and much quicker. */
export function generateOrganisation(options: GenerateOptions): DemoOrganisation {
  return organise(options).organisation;
}

function organise(options: GenerateOptions): {
  organisation: DemoOrganisation;
  rng: Random;
  usedNames: Set<string>;
} {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const rng = new Random(seed);
  const now = options.now.toISOString();
  // Calendar dates in Beijing time (UTC+8), where the deployment lives.
  const today = new Date(options.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const usedNames = new Set<string>();

  const geo = buildGeography();
  const congresses = buildCongresses(geo);
  const { representatives, seats } = buildRepresentatives(rng.fork('representatives'), geo, today, usedNames);
  const roster = buildRoster({ representatives, seats }, congresses);
  const groups = buildGroups(rng.fork('groups'), geo, roster);
  const stations = buildStations(rng.fork('stations'), geo, roster, groups, today);
  const grids = buildGrids(rng.fork('grids'), geo, roster, stations);
  const unitRng = rng.fork('units');
  const units = buildUnits(unitRng, geo, new NameBook(unitRng.fork('names'), usedNames));
  const accountRng = rng.fork('accounts');
  const accounts = buildAccounts({
    rng: accountRng,
    geo,
    roster,
    stations,
    units,
    names: new NameBook(accountRng.fork('names'), usedNames),
  });

  return {
    organisation: {
      seed,
      now,
      jurisdictions: geo.all,
      congresses,
      representatives,
      seats,
      groups,
      stations,
      grids,
      units,
      accounts,
    },
    rng,
    usedNames,
  };
}

export interface DemoCounts {
  jurisdictions: Record<string, number>;
  congresses: number;
  representatives: number;
  /** Seats per congress level (one person may hold two). */
  seatsByLevel: Record<string, number>;
  representativesByStatus: Record<string, number>;
  groups: Record<string, number>;
  stationsByTier: Record<string, number>;
  stationsByTheme: Record<string, number>;
  grids: number;
  uncoveredGrids: number;
  units: number;
  accountsByRole: Record<string, number>;
  opinions: OpinionCounts;
  suggestions: SuggestionCounts;
  activities: ActivityCounts;
}

function tally<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

/** What a data set contains, for the seeding report and the audit row. */
export function countDemoData(data: DemoData): DemoCounts {
  const levelOf = new Map(data.congresses.map((c) => [c.code, c.level]));
  return {
    jurisdictions: tally(data.jurisdictions, (j) => j.level),
    congresses: data.congresses.length,
    representatives: data.representatives.length,
    seatsByLevel: tally(data.seats, (s) => levelOf.get(s.congressCode) ?? '?'),
    representativesByStatus: tally(data.representatives, (r) => r.status),
    groups: tally(data.groups, (g) => g.kind),
    stationsByTier: tally(data.stations, (s) => s.tier),
    stationsByTheme: tally(data.stations, (s) => s.theme),
    grids: data.grids.length,
    uncoveredGrids: data.grids.filter((g) => g.memberCodes.length === 0).length,
    units: data.units.length,
    accountsByRole: tally(
      data.accounts.flatMap((a) => a.roles),
      (r) => r,
    ),
    opinions: countOpinions(data.opinions, data.opinionStats, data.notifications),
    suggestions: countSuggestions(data.suggestions, data.suggestionCounters, data.notifications),
    activities: countActivities(data),
  };
}
