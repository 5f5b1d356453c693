/**
 * A year of opinions for the demo city, before the seeding date: each arrival (opinions.intake.ts)
 * gets a submitter, a topic in a place it fits, a text, a unit it would be routed to, and a story
 * (opinions.stories.ts) told through the simulator, so every history is a legal path through the
 * loop with the engine's facts and deadlines. Near-duplicates of a neighbourhood complaint raised
 * within days in the same township are merged into the first. Pure and repeatable: the same seed,
 * date and policy give the same rows.
 */
import { beijingDateOf } from '../../lib/working-days.ts';
import { PUBLIC_CODE_ALPHABET, PUBLIC_CODE_LENGTH } from '../org/org.domain.ts';
import type { Channel } from '../opinions/opinions.vocab.ts';
import type {
  DemoAccount,
  DemoGrid,
  DemoNotification,
  DemoOpinion,
  DemoOpinionStats,
  DemoRepresentative,
  DemoStation,
  DemoUnit,
} from './demo.types.ts';
import type { Geography } from './jurisdictions.ts';
import { drawMobile, NameBook } from './names.ts';
import { Cast, CITIZEN } from './opinions.cast.ts';
import { buildArrivals, type Arrival } from './opinions.intake.ts';
import { buildNotifications } from './opinions.notifications.ts';
import { dress, REJECTED_TEXTS, REJECTION_WEIGHTS } from './opinions.phrases.ts';
import { SceneBook, type Scene } from './opinions.places.ts';
import { Router } from './opinions.routing.ts';
import { OpinionSimulation, type SimActor, type SimEnv } from './opinions.simulator.ts';
import { statsOf } from './opinions.stats.ts';
import {
  convertStory,
  mergeStory,
  onSpotStory,
  rejectStory,
  unitStory,
  type Story,
} from './opinions.stories.ts';
import {
  addDays,
  dayOf,
  dayOfDate,
  officialCalendar,
  WorkingDays,
  type OpinionPolicy,
} from './opinions.time.ts';
import { LIVING_TOPICS } from './opinions.topics.living.ts';
import { SERVICE_TOPICS } from './opinions.topics.services.ts';
import { CATEGORY_CODES, type CategoryCode, type Topic } from './opinions.topics.ts';
import type { Random } from './random.ts';
import { conversionKey, type Conversion, type ConversionDesk } from './suggestions.conversion.ts';
import { suggestionRef } from './suggestions.types.ts';

export const TOPICS: readonly Topic[] = [...LIVING_TOPICS, ...SERVICE_TOPICS];

export interface OpinionInputs {
  rng: Random;
  geo: Geography;
  representatives: readonly DemoRepresentative[];
  stations: readonly DemoStation[];
  grids: readonly DemoGrid[];
  units: readonly DemoUnit[];
  accounts: readonly DemoAccount[];
  now: Date;
  policy: OpinionPolicy;
  /** Names already in the data set: no citizen shares a representative's or an official's name. */
  usedNames: ReadonlySet<string>;
  /** Who converts an opinion into a suggestion, and for which congress. */
  desk: ConversionDesk;
}

export interface OpinionOutputs {
  opinions: DemoOpinion[];
  opinionStats: DemoOpinionStats[];
  notifications: DemoNotification[];
  /** The opinions taken up as suggestions, for the suggestions generator to draft. */
  conversions: Conversion[];
}

/** How often each category comes up, before the place adjusts it. */
const CATEGORY_WEIGHT: Record<CategoryCode, number> = {
  housing: 11,
  transport: 9,
  environment: 8,
  education: 7,
  health: 7,
  social_security: 7,
  business: 7,
  agriculture: 4,
  city_management: 13,
  public_safety: 7,
  civil_affairs: 7,
  utilities: 7,
};

/** The share of anonymous submitters per channel (about one in five overall). */
const ANONYMOUS: Record<Channel, number> = {
  qr: 0.3,
  online: 0.35,
  reception: 0.08,
  grid: 0.08,
  visit: 0.1,
  phone: 0.15,
  staff: 0.2,
};

/** The chance that an item with a question is answered where it is raised. */
const ON_SPOT: Partial<Record<Channel, number>> = { reception: 0.65, grid: 0.35, visit: 0.45, phone: 0.3 };

const DAY_MS = 86_400_000;

/** In the countryside: more about farming, less about streets and firms. */
const RURAL: Partial<Record<CategoryCode, number>> = {
  agriculture: 4,
  city_management: 0.4,
  business: 0.5,
  transport: 1.2,
  utilities: 1.3,
};
/** At the stations for firms (park, enterprise, industry): mostly the business environment. */
const FIRMS: Partial<Record<CategoryCode, number>> = {
  business: 14,
  social_security: 1.5,
  utilities: 1.5,
  education: 1.2,
};

function categoryWeights(a: Arrival, rural: boolean): (readonly [CategoryCode, number])[] {
  const theme = a.station?.theme;
  return CATEGORY_CODES.map((c) => {
    let w = CATEGORY_WEIGHT[c];
    if (rural) w *= RURAL[c] ?? 1;
    if (a.station?.code === 'ST-TEA') w *= c === 'agriculture' ? 8 : 0.5;
    else if (theme === 'park' || theme === 'enterprise' || theme === 'industry') w *= FIRMS[c] ?? 0.3;
    return [c, w] as const;
  });
}

function pickTopic(r: Random, a: Arrival, rural: boolean): Topic {
  const forFirms = a.station !== null && ['park', 'enterprise', 'industry'].includes(a.station.theme);
  const weights = categoryWeights(a, rural);
  for (;;) {
    const category = r.weighted(weights);
    const options = TOPICS.filter((t) => t.category === category && fits(t, a, rural)).map((t) => {
      let w = t.weight ?? 1;
      if (t.enterprise) w *= forFirms ? 3 : 0.4;
      else if (forFirms) w *= 0.4;
      if (t.onSpot && a.channel === 'reception') w *= 2;
      return [t, w] as const;
    });
    if (options.length > 0) return r.weighted(options);
  }
}

/** The 地点 of an item: the topic's place, or the estate, under its district or county. */
function placeOf(topic: Topic, scene: Scene): string {
  const place = topic.place?.(scene) ?? `${scene.township}${scene.estate}`;
  return place.startsWith(scene.county) || place.startsWith('清江市') ? place : `${scene.county}${place}`;
}

/** Whether a topic fits an arrival's place and month. */
function fits(t: Topic, a: Arrival, rural: boolean): boolean {
  const month = Number(beijingDateOf(a.at).slice(5, 7));
  return (
    (t.where === undefined || (t.where === 'rural') === rural) &&
    (t.months === undefined || t.months.includes(month))
  );
}

/**
 * The showcase: for each unit with a demo log-in, the latest few items of the past week that it
 * would handle (at least one, from the past month if need be) are routed to it and wait there to
 * be signed, so its inbox shows new assignments.
 */
function featureUnits(
  arrivals: readonly Arrival[],
  units: readonly DemoUnit[],
  cast: Cast,
  router: Router,
  geo: Geography,
  days: WorkingDays,
  now: Date,
): Map<number, { unit: DemoUnit; topics: Topic[] }> {
  // Accepted and assigned within two working days of arriving, and so before the present.
  const assignedByNow = (a: Arrival) => days.after(days.after(dayOf(a.at) + 1, 0) + 1, 0) < dayOf(now);
  const featured = new Map<number, { unit: DemoUnit; topics: Topic[] }>();
  // The past week; a unit that week brought nothing looks back up to a month for one item.
  const week = now.getTime() - 7 * DAY_MS;
  const month = now.getTime() - 30 * DAY_MS;
  for (const unit of units.filter((u) => cast.unitUsername(u.code) !== null)) {
    let found = 0;
    for (let i = arrivals.length - 1; i >= 0 && found < 3; i--) {
      const a = arrivals[i]!;
      if (a.at.getTime() < (found > 0 ? week : month)) break;
      if (featured.has(i) || a.channel === 'reception' || !assignedByNow(a)) continue;
      const rural = geo.isRuralVillage(a.villageCode);
      const topics = TOPICS.filter(
        (t) =>
          !t.enterprise &&
          fits(t, a, rural) &&
          unit.categories.includes(t.category) &&
          router.route(a.jurisdictionCode, t).unit.code === unit.code,
      );
      if (topics.length === 0) continue;
      featured.set(i, { unit, topics });
      found += 1;
    }
  }
  return featured;
}

interface Primary {
  trackingCode: string;
  topic: Topic;
  scene: Scene;
  at: number;
  township: string;
}

export function buildOpinions(inp: OpinionInputs): OpinionOutputs {
  const { rng, geo, now } = inp;
  const cal = officialCalendar();
  const today = beijingDateOf(now);
  const days = new WorkingDays(cal, dayOfDate(today) - 400, dayOfDate(today) + 400);
  const env: SimEnv = { cal, days, policy: inp.policy, now };
  const active = inp.representatives.filter((r) => r.status === 'active');
  const arrivals = buildArrivals(rng.fork('arrivals'), {
    geo,
    cal,
    stations: inp.stations,
    grids: inp.grids,
    active,
    from: addDays(today, -365),
    today,
    now,
  });
  const cast = new Cast(geo, inp.accounts, inp.units, rng.fork('landlines'));
  const scenes = new SceneBook(geo);
  const router = new Router(geo, inp.units);
  const names = new NameBook(rng.fork('names'), new Set(inp.usedNames));
  const people = rng.fork('people');
  const codes = rng.fork('tracking');
  const taken = new Set<string>();
  const phones = new Set<string>();
  const newPhone = () => {
    let p = drawMobile(people);
    while (phones.has(p)) p = drawMobile(people);
    phones.add(p);
    return p;
  };
  const trackingCode = () => {
    let c = codes.chars(PUBLIC_CODE_ALPHABET, PUBLIC_CODE_LENGTH);
    while (taken.has(c)) c = codes.chars(PUBLIC_CODE_ALPHABET, PUBLIC_CODE_LENGTH);
    taken.add(c);
    return c;
  };
  const primaries: Primary[] = [];
  const featured = featureUnits(arrivals, inp.units, cast, router, geo, days, now);
  const numbered = new Set<string>();
  const conversions: Conversion[] = [];
  const recentSince = now.getTime() - 21 * DAY_MS;

  const registrar = (a: Arrival): SimActor => {
    switch (a.channel) {
      case 'qr':
        return CITIZEN;
      case 'reception':
      case 'visit':
      case 'phone':
        return a.station ? cast.officerOf(a.station) : cast.staffFor(a.jurisdictionCode);
      case 'grid': {
        const rep = a.representative ? cast.representative(a.representative) : null;
        if (rep?.username) return rep;
        return a.station ? cast.officerOf(a.station) : cast.staffFor(a.jurisdictionCode);
      }
      case 'online':
      case 'staff':
        return cast.staffFor(a.jurisdictionCode);
    }
  };

  const opinions = arrivals.map((a, i): DemoOpinion => {
    const r = rng.fork(`opinion/${i}`);
    const township = geo.townshipOf(a.villageCode).code;
    const rural = geo.isRuralVillage(a.villageCode);
    const recent = a.at.getTime() >= recentSince;

    const showcase = featured.get(i);
    const twins =
      !showcase && a.channel !== 'reception' && r.chance(0.05)
        ? primaries.filter((p) => p.township === township && a.at.getTime() - p.at < 5 * DAY_MS)
        : [];
    const twin = twins.length > 0 ? r.pick(twins) : null;
    const rejection = !showcase && twin === null && r.chance(0.045) ? r.weighted(REJECTION_WEIGHTS) : null;
    const topic = showcase
      ? r.pick(showcase.topics)
      : (twin?.topic ?? (rejection ? null : pickTopic(r, a, rural)));
    const scene = twin?.scene ?? scenes.scene(r, a.villageCode);

    const enterprise = topic?.enterprise === true && r.chance(0.9);
    const anonymous = r.chance(ANONYMOUS[a.channel]);
    const name = anonymous ? null : names.next(r.chance(0.5) ? 'female' : 'male');
    const phone = anonymous ? (r.chance(0.3) ? newPhone() : null) : r.chance(0.96) ? newPhone() : null;
    const consent = r.chance(0.4);
    const rejected = rejection ? r.pick(REJECTED_TEXTS[rejection]) : null;
    const content = topic
      ? dress(topic.text(scene, r), scene, r, enterprise)
      : (rejected?.text(scene, r) ?? '');
    const address = topic && r.chance(a.channel === 'qr' ? 0.7 : 0.9) ? placeOf(topic, scene) : null;
    const category = topic && r.chance(a.channel === 'qr' ? 0.55 : 0.9) ? topic.category : null;
    const by = registrar(a);
    const sim = new OpinionSimulation(env, a.at, consent, category, by);
    const code = trackingCode();
    const base = { r, env, cast, sim, arrival: a, recent };

    if (rejection && rejected) {
      rejectStory(base, rejection, rejected.note(scene));
    } else if (twin) {
      mergeStory(base, twin.trackingCode);
    } else if (topic) {
      const story: Story = {
        ...base,
        topic,
        scene,
        route: router.route(a.jurisdictionCode, topic),
        content,
        submitterName: name,
        reachable: phone !== null,
        hold: showcase !== undefined,
      };
      if (showcase) {
        unitStory(story);
      } else if (topic.onSpot && r.chance(ON_SPOT[a.channel] ?? 0)) {
        onSpotStory(story);
      } else if (topic.convertible && r.chance(0.1)) {
        const body = `${cast.countyOf(a.jurisdictionCode)?.name ?? '清江市'}人大代表建议`;
        const year = beijingDateOf(a.at).slice(0, 4);
        // Once a suggestion number was drawn here: the draw stays, so every history keeps its stream.
        if (!numbered.has(`${body}/${year}`)) {
          numbered.add(`${body}/${year}`);
          r.int(8, 20);
        }
        const key = conversionKey(code);
        const converted = convertStory(story, inp.desk, suggestionRef(key));
        if (converted)
          conversions.push({
            trackingCode: code,
            key,
            topicKey: topic.key,
            category: topic.category,
            content,
            scene,
            villageCode: a.villageCode,
            at: converted.at,
            by: converted.plan.by,
            congressCode: converted.plan.congressCode,
            leadCode: converted.plan.leadCode,
          });
      } else {
        unitStory(story);
        if (topic.shared) primaries.push({ trackingCode: code, topic, scene, at: a.at.getTime(), township });
      }
    }
    sim.finish();

    return {
      trackingCode: code,
      channel: a.channel,
      submitterKind: enterprise ? 'enterprise' : 'citizen',
      jurisdictionCode: a.jurisdictionCode,
      stationCode: a.station?.code ?? null,
      representativeCode: a.representative?.code ?? null,
      gridCode: a.grid?.code ?? null,
      unitCode: sim.unitCode,
      mergedIntoTrackingCode: sim.mergedInto,
      content,
      address,
      submitterName: name,
      submitterPhone: phone,
      anonymous,
      consentPublish: consent,
      registeredByUsername: by.kind === 'citizen' ? null : by.username,
      submittedAt: a.at.toISOString(),
      statsMonth: beijingDateOf(a.at).slice(0, 7),
      version: sim.events.length,
      updatedAt: sim.last.toISOString(),
      facts: sim.facts,
      events: sim.events,
      replies: sim.replies,
      ratings: sim.ratings,
      extensions: sim.extensions,
    };
  });

  return {
    opinions,
    conversions,
    opinionStats: statsOf(opinions),
    notifications: buildNotifications({
      opinions,
      accounts: inp.accounts,
      stations: inp.stations,
      cast,
      now,
      days,
    }),
  };
}
