/**
 * Demo accounts for every role (DESIGN.md §2), all with one documented password: congress staff
 * at the city and in each district (to show that one district cannot read another's data), a
 * liaison officer for each station and the points it looks after, a few representatives and
 * handling-unit staff linked to their records, a leader, and the three separate administrators.
 */
import type {
  DemoAccount,
  DemoData,
  DemoJurisdiction,
  DemoRepresentative,
  DemoStation,
  DemoUnit,
} from './demo.types.ts';
import type { Geography } from './jurisdictions.ts';
import type { NameBook } from './names.ts';
import type { Random } from './random.ts';
import type { Roster } from './representatives.ts';

/**
 * The password of every demo account. It meets the 等保 policy of auth.domain.ts (upper, lower,
 * digit, symbol; no user name inside), and is public: the demo data is for trying the product.
 */
export const DEMO_PASSWORD = 'Liaison@2026';

const capitalise = (slug: string) => slug.charAt(0).toUpperCase() + slug.slice(1);
const STATION_NOUN: Record<DemoStation['tier'], string> = {
  general: 'general station',
  center: 'centre station',
  station: 'station and its points',
  point: 'contact point',
};

interface Parts {
  rng: Random;
  geo: Geography;
  roster: Roster;
  stations: readonly DemoStation[];
  units: readonly DemoUnit[];
  names: NameBook;
}

export function buildAccounts({ rng, geo, roster, stations, units, names }: Parts): DemoAccount[] {
  const accounts: DemoAccount[] = [];
  const person = () => names.next(rng.chance(0.5) ? 'female' : 'male');
  const city = geo.city;
  const [donghu, , nanxi] = geo.counties;
  const [hubin] = geo.townshipsOf(donghu!.code);
  const xikou = geo.townshipsOf(nanxi!.code)[1]!;

  accounts.push({
    username: 'staff',
    displayName: person(),
    roles: ['congress_staff'],
    jurisdictionCode: city.code,
    representativeCode: null,
    unitCode: null,
    featured: true,
    note: { zh: '市人大常委会代表工委：全市', en: 'the whole city' },
  });
  for (const county of geo.counties) {
    accounts.push({
      username: `staff.${county.slug}`,
      displayName: person(),
      roles: ['congress_staff'],
      jurisdictionCode: county.code,
      representativeCode: null,
      unitCode: null,
      featured: county === donghu || county === nanxi,
      note: {
        zh: `${county.name}人大常委会代表工委：只看得到${county.name}`,
        en: `${capitalise(county.slug)} only`,
      },
    });
  }
  accounts.push({
    username: 'leader',
    displayName: person(),
    roles: ['leader'],
    jurisdictionCode: city.code,
    representativeCode: null,
    unitCode: null,
    featured: true,
    note: { zh: '市人大常委会领导：只读驾驶舱', en: 'read-only dashboards' },
  });

  // One officer per station and the contact points it looks after (the points share their station's officer).
  const seen = new Set<string>();
  for (const s of stations) {
    if (seen.has(s.officerUsername)) continue;
    seen.add(s.officerUsername);
    accounts.push({
      username: s.officerUsername,
      displayName: person(),
      roles: ['liaison_officer'],
      jurisdictionCode: s.jurisdictionCode,
      representativeCode: null,
      unitCode: null,
      featured: s.officerUsername === `officer.${hubin!.slug}`,
      note: {
        zh: `联络员：${s.name}`,
        en: `${capitalise(s.officerUsername.slice('officer.'.length))} ${STATION_NOUN[s.tier]}`,
      },
    });
  }

  // Representatives who sign in themselves: one per level that has a local office.
  const pick = (reps: DemoRepresentative[]): DemoRepresentative => {
    const publicOnes = reps.filter((r) => r.isPublic);
    return rng.pick(publicOnes.length > 0 ? publicOnes : reps);
  };
  const living = roster.livingIn(hubin!.code);
  // [user name, representative, featured, label zh, label en, where (fixed, so the note does not depend on the seed)]
  const reps: [string, DemoRepresentative, boolean, string, string, DemoJurisdiction][] = [
    [
      'rep.city',
      pick(living.filter((r) => roster.has(r.code, 'city'))),
      true,
      '市人大代表',
      'City deputy',
      hubin!,
    ],
    [
      'rep.donghu',
      pick(
        roster
          .livingIn(donghu!.code)
          .filter((r) => roster.has(r.code, 'county') && !roster.has(r.code, 'city')),
      ),
      false,
      '区人大代表',
      'District deputy',
      donghu!,
    ],
    [
      'rep.xikou',
      pick(
        roster
          .livingIn(xikou.code)
          .filter((r) => roster.has(r.code, 'township') && !roster.has(r.code, 'county')),
      ),
      false,
      '镇人大代表',
      'Town deputy',
      xikou,
    ],
    [
      'rep.hubin',
      pick(living.filter((r) => roster.has(r.code, 'street') && !roster.has(r.code, 'county'))),
      false,
      '街道议政代表',
      'Street deputy',
      hubin!,
    ],
  ];
  for (const [username, rep, featured, label, labelEn, where] of reps) {
    accounts.push({
      username,
      displayName: rep.name,
      roles: ['representative'],
      jurisdictionCode: rep.jurisdictionCode,
      representativeCode: rep.code,
      unitCode: null,
      featured,
      note: { zh: `${label}（${where.name}）`, en: `${labelEn}, ${capitalise(where.slug)}` },
    });
  }

  const unitAccount = (username: string, code: string, featured: boolean) => {
    const unit = units.find((u) => u.code === code);
    if (!unit) throw new Error(`no demo unit ${code}`);
    accounts.push({
      username,
      displayName: unit.contactName,
      roles: ['unit_staff'],
      jurisdictionCode: unit.jurisdictionCode,
      representativeCode: null,
      unitCode: unit.code,
      featured,
      note: {
        zh: `承办单位：${unit.name}`,
        // Units have no English names; the Chinese name says more than the code would.
        en: unit.name,
      },
    });
  };
  unitAccount('unit.zjj', `U-${city.code}-zjj`, true);
  unitAccount('unit.water', `U-${city.code}-water`, false);
  unitAccount(`unit.${donghu!.slug}.zjj`, `U-${donghu!.code}-zjj`, false);
  unitAccount(`unit.${hubin!.slug}`, `U-${hubin!.code}`, false);

  // 三员分立: three administrators, each holding one role only.
  const admins: [string, DemoAccount['roles'][number], string, string][] = [
    ['sysadmin', 'sys_admin', '系统管理员：账号', 'accounts'],
    ['secadmin', 'security_admin', '安全管理员：角色、解锁、重置密码', 'roles, unlocks, password resets'],
    ['auditadmin', 'audit_admin', '审计管理员：审计日志', 'the audit log'],
  ];
  for (const [username, role, zh, en] of admins) {
    accounts.push({
      username,
      displayName: person(),
      roles: [role],
      jurisdictionCode: city.code,
      representativeCode: null,
      unitCode: null,
      featured: true,
      note: { zh, en },
    });
  }
  return accounts;
}

/** The log-ins printed at start-up: the featured accounts, in the order above. */
export function featuredLogins(data: Pick<DemoData, 'accounts'>): DemoAccount[] {
  return data.accounts.filter((a) => a.featured);
}
