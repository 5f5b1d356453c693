/**
 * Keys derived from the one master secret, and the field cipher for personal data at rest
 * (PIPL: phone numbers are encrypted, and looked up only through a keyed blind index).
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export type KeyPurpose = 'field-cipher' | 'blind-index' | 'audit-chain' | 'csrf';

/** HKDF-SHA256 sub-key for one purpose, so a leak of one key does not expose the others. */
export function deriveKey(master: Buffer, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `liaison/${purpose}/v1`, 32));
}

const VERSION = 'v1';

export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(token: string): string;
  /** Deterministic keyed hash for equality lookups (same input, same output; not reversible). */
  blindIndex(plain: string): string;
}

/** AES-256-GCM with a random 96-bit nonce; the token is `v1.<nonce>.<tag>.<ciphertext>` in base64url. */
export function createFieldCipher(master: Buffer): FieldCipher {
  const key = deriveKey(master, 'field-cipher');
  const indexKey = deriveKey(master, 'blind-index');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString('base64url'), tag.toString('base64url'), data.toString('base64url')].join(
        '.',
      );
    },
    decrypt(token) {
      const [version, iv, tag, data] = token.split('.');
      if (version !== VERSION || !iv || !tag || data === undefined)
        throw new Error('unrecognised ciphertext');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
    blindIndex(plain) {
      return createHmac('sha256', indexKey).update(plain).digest('hex');
    },
  };
}
