import { describe, expect, it } from 'vitest';
import { computeAuditHash, GENESIS_HASH, verifyRun, type AuditRow } from './audit.domain.ts';

const key = Buffer.alloc(32, 7);

function chain(n: number): AuditRow[] {
  const rows: AuditRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const row = {
      seq,
      at: `2026-01-01T00:00:0${seq}.000Z`,
      actor_user_id: 1,
      actor_username: 'staff',
      ip: '10.0.0.1',
      action: 'station.update',
      entity_type: 'station',
      entity_id: String(seq),
      jurisdiction_id: 2,
      success: 1,
      detail: JSON.stringify({ name: `站点${seq}` }),
      prev_hash: prev,
    };
    const hash = computeAuditHash(key, row);
    rows.push({ ...row, hash });
    prev = hash;
  }
  return rows;
}

const start = { seq: 0, hash: GENESIS_HASH };

describe('audit chain', () => {
  it('verifies an untouched chain', () => {
    const result = verifyRun(key, chain(5), start);
    expect(result.ok).toBe(true);
  });

  it('detects an edited field', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, detail: JSON.stringify({ name: '改过的' }) };
    expect(verifyRun(key, rows, start)).toEqual({ ok: false, problem: { kind: 'hash', seq: 3 } });
  });

  it('detects a deleted row', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(verifyRun(key, rows, start)).toEqual({
      ok: false,
      problem: { kind: 'gap', expectedSeq: 2, foundSeq: 3 },
    });
  });

  it('detects a row whose hash was recomputed without the key', () => {
    const rows = chain(3);
    const forged = { ...rows[1]!, action: 'station.delete' };
    const { hash: _old, ...rest } = forged;
    rows[1] = { ...forged, hash: computeAuditHash(Buffer.alloc(32, 1), rest) };
    const result = verifyRun(key, rows, start);
    expect(result).toEqual({ ok: false, problem: { kind: 'hash', seq: 2 } });
  });

  it('detects a broken link between rows', () => {
    const rows = chain(3);
    const { hash: _h, ...rest } = { ...rows[2]!, prev_hash: 'f'.repeat(64) };
    rows[2] = { ...rest, hash: computeAuditHash(key, rest) };
    expect(verifyRun(key, rows, start)).toEqual({ ok: false, problem: { kind: 'link', seq: 3 } });
  });
});
