/**
 * Phone numbers of representatives and unit contacts (PIPL): typed input is normalised, stored
 * only encrypted (with a blind index where the table keeps one), and shown masked. The clear
 * number leaves the server only through an audited reveal or an audited export.
 */
import type { FieldCipher } from '../../platform/crypto.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { maskPhone, normalizePhone } from '../../lib/phone.ts';

/** What a body's phone field asks for: leave as is (absent), clear (null or blank), or set. */
export type PhoneIntent = { kind: 'keep' } | { kind: 'clear' } | { kind: 'set'; phone: string };

export type PhoneReading = { ok: true; intent: PhoneIntent } | { ok: false; error: FieldError };

export function readPhoneInput(input: string | null | undefined, path: string): PhoneReading {
  if (input === undefined) return { ok: true, intent: { kind: 'keep' } };
  if (input === null || input.trim() === '') return { ok: true, intent: { kind: 'clear' } };
  const phone = normalizePhone(input);
  if (phone === null) {
    return {
      ok: false,
      error: {
        path,
        rule: 'phone',
        message: {
          zh: '联系电话格式不正确，应为 11 位手机号码或带区号的固定电话',
          en: 'The phone number is not valid: use an 11-digit mobile number or a landline with its area code',
        },
      },
    };
  }
  return { ok: true, intent: { kind: 'set', phone } };
}

export interface SealedPhone {
  enc: string | null;
  hash: string | null;
}

/** The stored form of a set or cleared phone; undefined when the phone is kept. */
export function sealPhone(cipher: FieldCipher, intent: PhoneIntent): SealedPhone | undefined {
  switch (intent.kind) {
    case 'keep':
      return undefined;
    case 'clear':
      return { enc: null, hash: null };
    case 'set':
      return { enc: cipher.encrypt(intent.phone), hash: cipher.blindIndex(intent.phone) };
  }
}

/** 138****1234 from the stored ciphertext, or null when none is recorded. */
export function maskedPhone(cipher: FieldCipher, enc: string | null): string | null {
  return enc === null ? null : maskPhone(cipher.decrypt(enc));
}

export function clearPhone(cipher: FieldCipher, enc: string | null): string | null {
  return enc === null ? null : cipher.decrypt(enc);
}

/** How the audit row records a phone change: never the number itself. */
export function phoneAuditNote(intent: PhoneIntent): { phone: 'set' | 'cleared' } | Record<string, never> {
  switch (intent.kind) {
    case 'keep':
      return {};
    case 'clear':
      return { phone: 'cleared' };
    case 'set':
      return { phone: 'set' };
  }
}
