import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { readIdempotencyKey } from './idempotency.ts';

describe('reading an Idempotency-Key', () => {
  it('scopes the key and hashes the request, whatever the order of its fields', () => {
    const a = readIdempotencyKey(
      'form-12345678',
      'public.opinion',
      { b: 1, a: { y: [1, 2], x: null } },
      true,
    )!;
    const b = readIdempotencyKey(
      'form-12345678',
      'public.opinion',
      { a: { x: null, y: [1, 2] }, b: 1 },
      true,
    )!;
    expect(a.key).toBe('public.opinion/form-12345678');
    expect(a.requestHash).toBe(b.requestHash);
    const other = readIdempotencyKey(
      'form-12345678',
      'public.opinion',
      { b: 2, a: { y: [1, 2], x: null } },
      true,
    )!;
    expect(other.requestHash).not.toBe(a.requestHash);
    const elsewhere = readIdempotencyKey('form-12345678', 'opinions.intake/u1', {}, true)!;
    expect(elsewhere.key).not.toBe(a.key);
  });

  it('is optional unless required, and must look like a key', () => {
    expect(readIdempotencyKey(undefined, 's', {}, false)).toBeNull();
    for (const bad of [undefined, 'short', 'has spaces in it', 'x'.repeat(65)]) {
      let error: unknown;
      try {
        readIdempotencyKey(bad, 's', {}, true);
      } catch (err) {
        error = err;
      }
      expect(error, String(bad)).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('BAD_REQUEST');
    }
    expect(readIdempotencyKey('3f6c1e2a-8b1d-4c1e-9a57-2f4b1c9d0e11', 's', {}, true)).not.toBeNull();
  });
});
