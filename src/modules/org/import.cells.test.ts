import { describe, expect, it } from 'vitest';
import { parseDateText, parseTimeText } from './import.cells.ts';

describe('cell values', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['２０２４－０３－０５', '2024-03-05'],
    ['2024-02-30', null],
    ['2024-13-01', null],
    ['05/03/2024', null],
    ['明天', null],
  ])('parseDateText(%s) = %s', (input, out) => expect(parseDateText(input)).toBe(out));

  it.each([
    ['9:00', '09:00'],
    ['09:30', '09:30'],
    ['14:00:00', '14:00'],
    ['９：００', '09:00'],
    ['24:00', null],
    ['9:60', null],
    ['9点', null],
  ])('parseTimeText(%s) = %s', (input, out) => expect(parseTimeText(input)).toBe(out));
});
