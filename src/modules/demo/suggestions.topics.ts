/**
 * What representatives propose (代表建议), as text templates per category (DESIGN.md §3): a title
 * in the register of real suggestions (“关于……的建议”), the 事由 with the situation and its
 * figures, a pool of 具体建议 from which a representative writes three or four, and what a unit's
 * reply says for each class — what was done (A), what is under way with the commitments it makes
 * (B), why conditions do not allow it yet (C). The templates live in suggestions.topics.living.ts
 * (housing, streets, transport, environment, utilities, safety) and suggestions.topics.services.ts
 * (schools, health, jobs, business, farming, care for the old); motions in suggestions.motions.ts.
 * Places come from the opinions' scenes (opinions.places.ts), so a suggestion of a 湖滨 deputy
 * names 湖滨's roads, estates and schools.
 */
import type { Scene } from './opinions.places.ts';
import type { CategoryCode } from './opinions.topics.ts';
import type { Random } from './random.ts';

/** The level of the congress that raises a topic: the city's, a district's or county's, a town's or street's. */
export type TopicLevel = 'city' | 'county' | 'town';

/** Where a suggestion is about: a scene in a village or community, seen from its congress. */
export interface Place extends Scene {
  /** The area the suggestion speaks of: 我市, 东湖区, 湖滨街道 … */
  area: string;
  /** How the congress calls its whole area: 全市, 全区, 全县, 全镇, 辖区. */
  whole: string;
  /** The congress's level. */
  level: TopicLevel;
  /** Calendar year of the suggestion (for “今年”, plans and commitments). */
  year: number;
  countyCode: string;
  townshipCode: string;
  villageCode: string;
}

export type PlaceText = (p: Place, r: Random) => string;

export interface SuggestionTopic {
  key: string;
  category: CategoryCode;
  /** Congress levels that raise it; a congress also needs a unit in its area handling the category. */
  levels: readonly TopicLevel[];
  where?: 'rural' | 'urban';
  /** Units that take it by nature (unit keys of units.ts: 'water', 'power', 'gaj' …), first match leads. */
  unit?: string;
  /**
   * Co-units (协办) by unit key, in the congress's area: 'local' is the street or town office of the
   * place; any other key is a unit of the congress's own level.
   */
  co?: readonly string[];
  /** Relative frequency within its category (1 when absent). */
  weight?: number;
  /** Relative weights of the reply classes A, B, C. */
  classes?: readonly [number, number, number];
  /** The work the reply thanks the representative for caring about (…工作). */
  field: string;
  title: PlaceText;
  /** 事由: the situation, with figures. */
  background: PlaceText;
  /** 具体建议: the pool a representative draws three or four from. */
  asks: readonly PlaceText[];
  /** Class A: what has been done. */
  done: PlaceText;
  /** Class B: what is under way and planned. */
  plan: PlaceText;
  /** Class B: the commitments (承诺事项), each with the months it takes. */
  commitments: (p: Place, r: Random) => { content: string; months: number }[];
  /** Class C: why conditions do not allow it now. */
  limit: PlaceText;
}

/** A motion (议案): 案由, 案据 and 方案, with the replies as for a suggestion. */
export interface MotionTopic extends Omit<SuggestionTopic, 'background' | 'asks'> {
  /** 案由 */
  background: PlaceText;
  /** 案据 */
  basis: PlaceText;
  /** 方案 */
  proposals: PlaceText;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六'];

/** 一、…。二、…。 — items numbered as suggestions are written, each on its own line. */
export function numbered(items: readonly string[]): string {
  return items.map((t, i) => `${NUMERALS[i] ?? String(i + 1)}、${t}`).join('\n');
}

/** A few of the pool, in the pool's order (the order reads as the representative's reasoning). */
export function pickAsks(p: Place, r: Random, asks: readonly PlaceText[]): string {
  const n = Math.min(asks.length, r.int(3, 4));
  const chosen = new Set(
    r.sample(
      asks.map((_, i) => i),
      n,
    ),
  );
  return numbered(asks.flatMap((a, i) => (chosen.has(i) ? [a(p, r)] : [])));
}

/** A whole number in [lo, hi], as the texts write figures. */
export function n(r: Random, lo: number, hi: number): number {
  return r.int(lo, hi);
}

/** A share with one decimal, e.g. 37.5. */
export function pct(r: Random, lo: number, hi: number): string {
  return (r.int(lo * 10, hi * 10) / 10).toFixed(1);
}

/** The place named in a title: the area, or a township or community in it. */
export function where(p: Place, r: Random): string {
  if (p.level === 'city') return r.pick(['我市', `${p.county}`, '我市', '中心城区']);
  if (p.level === 'county') return r.pick([p.area, p.township, p.area]);
  return r.pick([p.area, p.village]);
}

/** A figure by the congress's level: the city counts in thousands where a town counts in tens. */
export function scaled(
  p: Place,
  r: Random,
  city: [number, number],
  county: [number, number],
  town: [number, number],
): number {
  const [lo, hi] = p.level === 'city' ? city : p.level === 'county' ? county : town;
  return r.int(lo, hi);
}

const VERBS =
  /^关于(加快|加强|推进|完善|优化|提升|规范|解决|破解|构建|保障|推动|扩大|深化|建立|健全|统筹|盘活|发展|打响|支持|提高|开展|增设)/;

/**
 * Another wording of a title already used at the same congress: the place named (在湖滨街道…),
 * or the ask pressed (进一步…) — as two representatives write on one subject.
 */
export function varyTitle(title: string, p: Place, r: Random, attempt: number): string {
  const named =
    [p.county, p.township, p.village, p.area].some((x) => title.includes(x)) || title.includes('我市');
  const where = r.pick(
    p.level === 'city'
      ? [p.county, p.township]
      : p.level === 'county'
        ? [p.township, p.village]
        : [p.village],
  );
  const pressed = (t: string) =>
    VERBS.test(t) && !t.startsWith('关于进一步') ? t.replace(/^关于/, '关于进一步') : t;
  const placed = (t: string) => (named ? t : t.replace(/^关于/, `关于在${where}`));
  if (attempt === 1) return placed(title);
  if (attempt === 2) return pressed(title);
  return pressed(placed(title));
}
