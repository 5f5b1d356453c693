import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCipher, deriveKey } from './crypto.ts';

describe('field cipher', () => {
  const master = randomBytes(32);
  const cipher = createFieldCipher(master);

  it('round-trips and never repeats a ciphertext', () => {
    const a = cipher.encrypt('13812341234');
    const b = cipher.encrypt('13812341234');
    expect(a).not.toBe(b);
    expect(a).not.toContain('13812341234');
    expect(cipher.decrypt(a)).toBe('13812341234');
    expect(cipher.decrypt(b)).toBe('13812341234');
  });

  it('refuses a tampered ciphertext and another key', () => {
    const token = cipher.encrypt('13812341234');
    const parts = token.split('.');
    const data = Buffer.from(parts[3]!, 'base64url');
    data[0] = data[0]! ^ 1;
    parts[3] = data.toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).toThrow();
    expect(() => createFieldCipher(randomBytes(32)).decrypt(token)).toThrow();
  });

  it('gives a stable blind index that depends on the key', () => {
    expect(cipher.blindIndex('13812341234')).toBe(cipher.blindIndex('13812341234'));
    expect(cipher.blindIndex('13812341234')).not.toBe(cipher.blindIndex('13812341235'));
    expect(createFieldCipher(randomBytes(32)).blindIndex('13812341234')).not.toBe(
      cipher.blindIndex('13812341234'),
    );
  });

  it('derives different keys for different purposes', () => {
    expect(deriveKey(master, 'audit-chain').equals(deriveKey(master, 'field-cipher'))).toBe(false);
    expect(deriveKey(master, 'csrf').length).toBe(32);
  });
});
