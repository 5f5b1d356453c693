/**
 * What people raise, as text templates per category (DESIGN.md §3), each with the replies a
 * handling unit would write for each result and, for questions, what a representative answers on
 * the spot. The templates themselves live in opinions.topics.living.ts (the neighbourhood: housing,
 * streets, water and power, environment, transport, safety) and opinions.topics.services.ts
 * (schools, health, jobs and pensions, care for the old, business, farming).
 */
import type { ReplyResult } from '../opinions/opinions.vocab.ts';
import type { Scene } from './opinions.places.ts';
import type { Random } from './random.ts';

export type CategoryCode =
  | 'housing'
  | 'transport'
  | 'environment'
  | 'education'
  | 'health'
  | 'social_security'
  | 'business'
  | 'agriculture'
  | 'city_management'
  | 'public_safety'
  | 'civil_affairs'
  | 'utilities';

export const CATEGORY_CODES: readonly CategoryCode[] = [
  'housing',
  'transport',
  'environment',
  'education',
  'health',
  'social_security',
  'business',
  'agriculture',
  'city_management',
  'public_safety',
  'civil_affairs',
  'utilities',
];

/** What a reply can say about its handling: who, how to reach them, and when things happened. */
export interface ReplyFacts {
  /** The unit's full name, and how it calls itself (我局, 我街道, 我公司 …). */
  unit: string;
  we: string;
  contact: string;
  /** The office's landline. */
  tel: string;
  /** Dates during the handling, in order (11月3日). */
  d1: string;
  d2: string;
  /** A date after the reply, for what is planned. */
  plan: string;
}

export type Text = (s: Scene, r: Random) => string;
export type ReplyText = (s: Scene, f: ReplyFacts, r: Random) => string;

export interface Topic {
  key: string;
  category: CategoryCode;
  /** A unit this matter goes to by nature (the key of units.ts: 'water', 'power', 'fy', 'jcy' …). */
  unit?: string;
  /** Beyond a street or town office: routed from this level up. */
  minLevel?: 'county' | 'city';
  where?: 'rural' | 'urban';
  /** Months (1–12) in which it comes up; every month when absent. */
  months?: readonly number[];
  /** Raised by enterprises (submitter kind 'enterprise'). */
  enterprise?: boolean;
  /** Affects a whole neighbourhood: several people raise it within days, and the copies are merged. */
  shared?: boolean;
  /** Wide enough for a representative to take up as a suggestion (代表建议). */
  convertible?: boolean;
  /** Relative frequency within its category (1 when absent). */
  weight?: number;
  /** Relative weights of the results [solved, partially solved, explained]. */
  results?: readonly [number, number, number];
  text: Text;
  /** Where it is (the 地点 field); the estate in the village when absent. */
  place?: (s: Scene) => string;
  reply: Record<ReplyResult, ReplyText>;
  /** A question a representative can answer at the reception desk. */
  onSpot?: ReplyText;
  /** The second round's reply, after 不满意. */
  rehandle?: ReplyText;
}

/** The usual way a reply ends: who to call. */
export function contactLine(f: ReplyFacts, r: Random): string {
  return r.pick([
    `如有疑问，请联系${f.contact}，电话${f.tel}。`,
    `如仍有问题，可致电${f.tel}（联系人：${f.contact}）。`,
    `联系人：${f.contact}，联系电话：${f.tel}。`,
    `感谢您对我们工作的关心和支持，如有疑问请拨打${f.tel}。`,
  ]);
}

export function since(r: Random): string {
  return r.pick([
    '最近两周',
    '近一个月来',
    '这段时间',
    '从上个月开始',
    '今年以来',
    '最近一段时间',
    '连续好几天',
    '这半年来',
  ]);
}

/** A count as people write it in a message. */
export function some(r: Random, lo: number, hi: number): string {
  const n = r.int(lo, hi);
  return r.chance(0.3) && n >= 10 ? `${Math.floor(n / 10) * 10}多` : String(n);
}
