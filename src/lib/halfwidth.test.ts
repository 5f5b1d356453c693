import { describe, expect, it } from 'vitest';
import { toHalfWidth } from './halfwidth.ts';

describe('full-width text', () => {
  it.each([
    ['３３０６０２', '330602'],
    ['Ａ－１', 'A-1'],
    ['９：００', '9:00'],
    ['a\u3000b', 'a b'],
  ])('toHalfWidth(%s) = %s', (input, out) => expect(toHalfWidth(input)).toBe(out));
});
