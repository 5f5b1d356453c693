/**
 * Opinions taken up as representatives' suggestions (转为代表建议): who converts one and for which
 * congress, so that the conversion is one the engine accepts (drafting.service.ts
 * `draftFromOpinion`). The representative the opinion was left with converts it when they serve on
 * a congress of the place whose units handle its category — their district's or county's first,
 * then the city's, then their town's; otherwise the staff do: the district's or county's when
 * their units handle it, else the city's, naming a lead who serves on that congress.
 */
import { beijingDateOf } from '../../lib/working-days.ts';
import type { DemoCongress, DemoRepresentative } from './demo.types.ts';
import type { Scene } from './opinions.places.ts';
import type { SimActor } from './opinions.simulator.ts';
import type { SuggestionCast } from './suggestions.cast.ts';

/** A converted opinion, as the suggestions generator takes it up. */
export interface Conversion {
  trackingCode: string;
  /** The key of the suggestion drafted from it (its converted_ref points there). */
  key: string;
  topicKey: string;
  category: string;
  content: string;
  scene: Scene;
  villageCode: string;
  at: Date;
  by: SimActor;
  congressCode: string;
  /** The lead: the converting representative, or one the staff name (null: chosen by the suggestions generator). */
  leadCode: string | null;
}

export interface ConversionPlan {
  by: SimActor;
  congressCode: string;
  leadCode: string | null;
}

const PREFERENCE: Record<string, number> = { county: 0, city: 1, township: 2, street: 2 };

export function conversionKey(trackingCode: string): string {
  return `op-${trackingCode}`;
}

export class ConversionDesk {
  constructor(private readonly people: SuggestionCast) {}

  private congressesFor(jurisdictionCode: string, category: string): DemoCongress[] {
    const geo = this.people.geo;
    const chain: string[] = [];
    for (let j: string | null = jurisdictionCode; j !== null; j = geo.get(j).parentCode) chain.push(j);
    return chain
      .map((code) => this.people.congressOf(code))
      .filter((c): c is DemoCongress => c !== null && this.people.handles(c, category));
  }

  /**
   * Who converts the opinion left in `jurisdictionCode` (with `rep`, if any) at `at`, and for
   * which congress. `wanted` is who the opinion's story would have convert it.
   */
  plan(
    jurisdictionCode: string,
    category: string,
    rep: DemoRepresentative | null,
    wanted: SimActor,
    at: Date,
  ): ConversionPlan {
    const date = beijingDateOf(at);
    const options = this.congressesFor(jurisdictionCode, category);
    if (rep && wanted.kind === 'representative') {
      const mine = options
        .filter((c) => this.people.isServing(rep.code, c.code, date))
        .sort((a, b) => (PREFERENCE[a.level] ?? 9) - (PREFERENCE[b.level] ?? 9));
      if (mine[0]) return { by: wanted, congressCode: mine[0].code, leadCode: rep.code };
    }
    const county = options.find((c) => c.level === 'county');
    const congress = county ?? options.find((c) => c.level === 'city');
    if (!congress) throw new Error(`no congress can take up ${category} at ${jurisdictionCode}`);
    const lead = rep && this.people.isServing(rep.code, congress.code, date) ? rep.code : null;
    return { by: this.people.staffOf(congress), congressCode: congress.code, leadCode: lead };
  }
}
