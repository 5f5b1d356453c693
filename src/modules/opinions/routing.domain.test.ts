import { describe, expect, it } from 'vitest';
import { CATEGORY_KEYWORDS, guessCategory } from './routing.domain.ts';

describe('guessing the category from the words of an opinion', () => {
  it.each<[string, string, string[]]>([
    ['小区门口的路灯坏了，井盖也松动了', 'city_management', ['路灯', '井盖']],
    ['楼下饭店油烟和噪音扰民', 'environment', ['噪音', '油烟']],
    ['公交站台离小区太远，红绿灯时间太短', 'transport', ['红绿灯', '站台', '公交']],
    ['退休后医保报销比例太低', 'social_security', ['退休', '医保']],
    ['村民反映灌溉水渠堵塞', 'agriculture', ['村民', '灌溉']],
    ['夏天经常停水，水压不够', 'utilities', ['停水', '水压']],
  ])('%s → %s', (text, code, words) => {
    const guess = guessCategory(text)!;
    expect(guess.code).toBe(code);
    expect([...guess.words].sort()).toEqual([...words].sort());
  });

  it('reads the longer keyword first: 垃圾焚烧 is environment, not city management’s 垃圾', () => {
    expect(guessCategory('反对在附近建设垃圾焚烧厂')).toEqual({
      code: 'environment',
      confidence: 0.5,
      words: ['垃圾焚烧'],
    });
    expect(guessCategory('垃圾很久没人清理')?.code).toBe('city_management');
  });

  it('is surer with more hits, and less sure when words point to several categories', () => {
    expect(guessCategory('路灯不亮')!.confidence).toBe(0.5);
    expect(guessCategory('路灯不亮，井盖丢失')!.confidence).toBe(0.75);
    expect(guessCategory('路灯不亮，井盖丢失，占道经营')!.confidence).toBe(0.88);
    const mixed = guessCategory('路灯不亮，公交太少')!;
    expect(mixed.confidence).toBe(0.25);
  });

  it('answers null when no keyword occurs', () => {
    expect(guessCategory('谢谢代表们的辛苦工作')).toBeNull();
  });

  it('covers the twelve level-1 categories, each keyword in one category only', () => {
    expect(Object.keys(CATEGORY_KEYWORDS).sort()).toEqual(
      [
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
      ].sort(),
    );
    const all = Object.values(CATEGORY_KEYWORDS).flat();
    expect(new Set(all).size).toBe(all.length);
  });
});
