/**
 * Which unit handles an item: a unit that handles the item's category in the item's jurisdiction,
 * or else at the nearest level above (DESIGN.md §3: the routing table is what "suggest a unit"
 * starts from). A topic may name the unit it goes to by nature (the water company, the court …) or
 * start above the street office (加装电梯 goes to the district's 住建局).
 */
import type { DemoUnit } from './demo.types.ts';
import type { Geography } from './jurisdictions.ts';
import type { Topic } from './opinions.topics.ts';

/** Units that take only what is addressed to them by nature (a court, a procuratorate). */
const BY_NATURE_ONLY = new Set(['fy', 'jcy']);

const LEVEL_RANK = { village: 0, township: 1, county: 2, city: 3, province: 4 } as const;

export interface Route {
  unit: DemoUnit;
  /** Another unit on the way up that handles the category: where a wrongly routed item first lands. */
  alternative: DemoUnit | null;
}

export class Router {
  private readonly byJurisdiction = new Map<string, DemoUnit[]>();

  constructor(
    private readonly geo: Geography,
    units: readonly DemoUnit[],
  ) {
    for (const u of units) {
      const list = this.byJurisdiction.get(u.jurisdictionCode) ?? [];
      list.push(u);
      this.byJurisdiction.set(u.jurisdictionCode, list);
    }
  }

  /** The jurisdiction and its ancestors, nearest first. */
  chain(code: string): string[] {
    const out: string[] = [];
    for (let j: string | null = code; j !== null; j = this.geo.get(j).parentCode) out.push(j);
    return out;
  }

  /** The key of a unit code: U-339900-zjj → zjj; a township's own office → ''. */
  static keyOf(unit: DemoUnit): string {
    return unit.code.split('-')[2] ?? '';
  }

  /** Every unit handling the topic's category from `jurisdictionCode` up, level by level. */
  candidates(jurisdictionCode: string, topic: Pick<Topic, 'category' | 'unit' | 'minLevel'>): DemoUnit[][] {
    const min = topic.minLevel ? LEVEL_RANK[topic.minLevel] : 0;
    const levels: DemoUnit[][] = [];
    for (const code of this.chain(jurisdictionCode)) {
      if (LEVEL_RANK[this.geo.get(code).level] < min) continue;
      const here = (this.byJurisdiction.get(code) ?? []).filter((u) => {
        if (!u.categories.includes(topic.category)) return false;
        const key = Router.keyOf(u);
        return topic.unit ? key === topic.unit || !BY_NATURE_ONLY.has(key) : !BY_NATURE_ONLY.has(key);
      });
      if (here.length > 0) levels.push(here);
    }
    return levels;
  }

  route(jurisdictionCode: string, topic: Pick<Topic, 'category' | 'unit' | 'minLevel'>): Route {
    const levels = this.candidates(jurisdictionCode, topic);
    const named = topic.unit ? levels.flat().find((u) => Router.keyOf(u) === topic.unit) : undefined;
    const unit =
      named ?? levels[0]?.find((u) => !topic.unit || Router.keyOf(u) !== topic.unit) ?? levels[0]?.[0];
    if (!unit) throw new Error(`no unit handles ${topic.category} at ${jurisdictionCode}`);
    // Without the level hint, the nearest office below the right one is where items go astray.
    const loose = this.candidates(jurisdictionCode, { category: topic.category }).flat();
    const alternative = loose.find((u) => u.code !== unit.code) ?? null;
    return { unit, alternative };
  }
}
