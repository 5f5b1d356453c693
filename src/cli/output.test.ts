import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../modules/demo/demo.generate.ts';
import { featuredLogins } from '../modules/demo/accounts.ts';
import { startBanner } from './banner.ts';
import { box, columns, displayWidth } from './output.ts';

describe('terminal output', () => {
  it('counts Chinese characters as two cells', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('联络')).toBe(4);
    expect(displayWidth('代表工委 staff')).toBe(14);
    expect(displayWidth('（）')).toBe(4);
  });

  it('aligns columns and boxes with mixed text', () => {
    const rows = columns([
      ['Congress staff', '代表工委', 'staff'],
      ['Leader', '领导', 'leader'],
    ]);
    // The last column starts at the same terminal cell on both rows.
    const startOfLast = (row: string, last: string) => displayWidth(row.slice(0, row.lastIndexOf(last)));
    expect(startOfLast(rows[0]!, 'staff')).toBe(startOfLast(rows[1]!, 'leader'));
    expect(startOfLast(rows[0]!, 'staff')).toBe(displayWidth('Congress staff  代表工委  '));
    const lines = box(['联络 Liaison', 'a']).split('\n');
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
  });

  it('prints the URLs and the demo log-ins in the start banner', () => {
    const logins = featuredLogins(generateDemoData({ now: new Date('2026-11-22T00:00:00Z') }));
    const text = startBanner({
      url: 'http://localhost:3000',
      webServed: true,
      logins,
      password: 'Liaison@2026',
    });
    expect(text).toContain('http://localhost:3000/docs');
    expect(text).toContain('Liaison@2026');
    for (const username of [
      'staff',
      'staff.donghu',
      'officer.hubin',
      'rep.city',
      'unit.zjj',
      'leader',
      'sysadmin',
      'secadmin',
      'auditadmin',
    ]) {
      expect(text).toMatch(new RegExp(`\\s${username.replace('.', '\\.')}\\s`));
    }
    expect(new Set(text.split('\n').map(displayWidth)).size).toBe(1);
  });

  it('prints no password when there are no demo log-ins, and says when only the API is served', () => {
    const text = startBanner({
      url: 'http://localhost:3000',
      webServed: false,
      logins: [],
      password: 'Liaison@2026',
    });
    expect(text).not.toContain('Liaison@2026');
    expect(text).toContain('API only');
  });
});
