/**
 * Grids (网格): one per village or community, each tied to the station that serves it and with one
 * to three representatives who live there (代表进网格, as in Jiande's 大洋镇). A few are left without
 * a representative on purpose, so the coverage figures have something to show.
 */
import type { DemoGrid, DemoRepresentative, DemoStation } from './demo.types.ts';
import type { Geography } from './jurisdictions.ts';
import type { Random } from './random.ts';
import type { Roster } from './representatives.ts';

export const UNCOVERED_GRIDS = 4;

export function buildGrids(
  rng: Random,
  geo: Geography,
  roster: Roster,
  stations: readonly DemoStation[],
): DemoGrid[] {
  const stationAt = new Map(
    stations.filter((s) => s.theme === 'community').map((s) => [s.jurisdictionCode, s.code]),
  );
  const uncovered = new Set(rng.sample(geo.villages, UNCOVERED_GRIDS).map((v) => v.code));
  // Those who live closest to the people — town, street and county deputies — walk the grids first.
  const localFirst = (reps: readonly DemoRepresentative[]) =>
    [...reps].sort((a, b) => Number(roster.has(a.code, 'city')) - Number(roster.has(b.code, 'city')));
  return geo.villages.map((v) => {
    const township = geo.townshipOf(v.code);
    const households = geo.isRuralVillage(v.code) ? rng.int(300, 1200) : rng.int(1500, 4500);
    const area = geo.isRuralVillage(v.code) ? `${rng.int(3, 12)}个自然村` : `${rng.int(3, 9)}个住宅小区`;
    // Where no representative happens to live, one from elsewhere in the township takes the grid on.
    const residents = roster.livingIn(v.code);
    const living = localFirst(rng.shuffle(residents.length > 0 ? residents : roster.livingIn(township.code)));
    const members = uncovered.has(v.code) ? [] : living.slice(0, rng.int(1, 3));
    return {
      code: `GR-${v.code}`,
      name: `${v.name}网格`,
      jurisdictionCode: v.code,
      stationCode: stationAt.get(v.code) ?? stationAt.get(township.code)!,
      description: `覆盖${v.name}${area}，约${households}户、${Math.round((households * rng.int(26, 32)) / 10)}人。`,
      memberCodes: members.map((r) => r.code).sort(),
    };
  });
}
