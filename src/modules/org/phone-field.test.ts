import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../platform/crypto.ts';
import { clearPhone, maskedPhone, phoneAuditNote, readPhoneInput, sealPhone } from './phone-field.ts';

describe('phone fields', () => {
  const cipher = createFieldCipher(randomBytes(32));

  it('reads what people type', () => {
    expect(readPhoneInput(undefined, '/phone')).toEqual({ ok: true, intent: { kind: 'keep' } });
    expect(readPhoneInput(null, '/phone')).toEqual({ ok: true, intent: { kind: 'clear' } });
    expect(readPhoneInput('  ', '/phone')).toEqual({ ok: true, intent: { kind: 'clear' } });
    expect(readPhoneInput('+86 138-1234-5678', '/phone')).toEqual({
      ok: true,
      intent: { kind: 'set', phone: '13812345678' },
    });
    expect(readPhoneInput('１３８１２３４５６７８', '/phone')).toEqual({
      ok: true,
      intent: { kind: 'set', phone: '13812345678' },
    });
  });

  it('refuses a number that is not one, in Chinese and English', () => {
    const r = readPhoneInput('12345', '/contactPhone');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.path).toBe('/contactPhone');
      expect(r.error.message.zh).toContain('联系电话格式不正确');
      expect(r.error.message.en).toContain('not valid');
    }
  });

  it('stores encrypted with a blind index and shows masked', () => {
    const sealed = sealPhone(cipher, { kind: 'set', phone: '13812345678' });
    expect(sealed?.enc).not.toContain('13812345678');
    expect(sealed?.hash).toBe(cipher.blindIndex('13812345678'));
    expect(maskedPhone(cipher, sealed?.enc ?? null)).toBe('138****5678');
    expect(clearPhone(cipher, sealed?.enc ?? null)).toBe('13812345678');
    expect(sealPhone(cipher, { kind: 'clear' })).toEqual({ enc: null, hash: null });
    expect(sealPhone(cipher, { kind: 'keep' })).toBeUndefined();
    expect(maskedPhone(cipher, null)).toBeNull();
  });

  it('notes a change in the audit row without the number', () => {
    expect(phoneAuditNote({ kind: 'set', phone: '13812345678' })).toEqual({ phone: 'set' });
    expect(phoneAuditNote({ kind: 'clear' })).toEqual({ phone: 'cleared' });
    expect(phoneAuditNote({ kind: 'keep' })).toEqual({});
  });
});
