import { describe, expect, it } from 'vitest';
import { Random } from './random.ts';

const draw = (rng: Random, n: number) => Array.from({ length: n }, () => rng.next());

describe('Random', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    expect(draw(new Random('a'), 20)).toEqual(draw(new Random('a'), 20));
    expect(draw(new Random('a'), 20)).not.toEqual(draw(new Random('b'), 20));
  });

  it('stays in [0, 1) and spreads evenly', () => {
    const values = draw(new Random('spread'), 20_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const buckets = Array.from({ length: 10 }, () => 0);
    for (const v of values) buckets[Math.floor(v * 10)]! += 1;
    for (const b of buckets) expect(b).toBeGreaterThan(1_700);
  });

  it('forks independent streams: drawing from one does not move another', () => {
    const root = new Random('root');
    const expected = draw(root.fork('stations'), 5);
    const again = new Random('root');
    draw(again.fork('representatives'), 1000);
    draw(again, 1000);
    expect(draw(again.fork('stations'), 5)).toEqual(expected);
  });

  it('draws integers within bounds, both ends included', () => {
    const rng = new Random('int');
    const seen = new Set(Array.from({ length: 2000 }, () => rng.int(3, 7)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('honours weights', () => {
    const rng = new Random('weights');
    let heavy = 0;
    for (let i = 0; i < 10_000; i++)
      if (
        rng.weighted([
          ['a', 9],
          ['b', 1],
        ] as const) === 'a'
      )
        heavy += 1;
    expect(heavy).toBeGreaterThan(8_700);
    expect(heavy).toBeLessThan(9_300);
    expect(() => rng.weighted([])).toThrow();
  });

  it('samples distinct items and shuffles without losing any', () => {
    const rng = new Random('sample');
    const items = Array.from({ length: 50 }, (_, i) => i);
    const sample = rng.sample(items, 10);
    expect(new Set(sample).size).toBe(10);
    expect(rng.sample(items, 100)).toHaveLength(50);
    expect(rng.shuffle(items).sort((a, b) => a - b)).toEqual(items);
    expect(() => rng.pick([])).toThrow();
  });
});
