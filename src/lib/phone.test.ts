import { describe, expect, it } from 'vitest';
import { maskPhone, normalizePhone } from './phone.ts';

describe('normalizePhone', () => {
  it.each([
    ['13812341234', '13812341234'],
    ['138 1234 1234', '13812341234'],
    ['138-1234-1234', '13812341234'],
    ['+86 138 1234 1234', '13812341234'],
    ['0086-13812341234', '13812341234'],
    ['１３８１２３４１２３４', '13812341234'],
    ['0571-87654321', '057187654321'],
    ['010-12345678', '01012345678'],
    ['12345', null],
    ['23812341234', null],
    ['1381234123', null],
    ['abc', null],
    ['', null],
  ])('%s → %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812341234', '138****1234'],
    ['057187654321', '0571****4321'],
    ['01012345678', '010****5678'],
    ['123456', '******'],
  ])('%s → %s', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });
});
