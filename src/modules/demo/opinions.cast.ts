/**
 * Who acts on the demo's opinions, with the accounts the events name: the congress staff of the
 * item's district or county (the city's staff for city-level items), the liaison officer of its
 * station, the handling unit's staff (its contact person; the demo log-in where the unit has one),
 * representatives (theirs where they sign in), citizens (never named in an event) and the system.
 */
import type {
  DemoAccount,
  DemoJurisdiction,
  DemoRepresentative,
  DemoStation,
  DemoUnit,
} from './demo.types.ts';
import type { Geography } from './jurisdictions.ts';
import type { SimActor } from './opinions.simulator.ts';
import type { Random } from './random.ts';

export const CITIZEN: SimActor = { kind: 'citizen', username: null, name: null };

export class Cast {
  private readonly accounts: Map<string, DemoAccount>;
  private readonly unitAccounts = new Map<string, DemoAccount>();
  private readonly repAccounts = new Map<string, DemoAccount>();
  private readonly units: Map<string, DemoUnit>;
  private readonly landlines = new Map<string, string>();

  constructor(
    private readonly geo: Geography,
    accounts: readonly DemoAccount[],
    units: readonly DemoUnit[],
    rng: Random,
  ) {
    this.accounts = new Map(accounts.map((a) => [a.username, a]));
    for (const a of accounts) {
      if (a.unitCode) this.unitAccounts.set(a.unitCode, a);
      if (a.representativeCode) this.repAccounts.set(a.representativeCode, a);
    }
    this.units = new Map(units.map((u) => [u.code, u]));
    for (const u of units) this.landlines.set(u.code, `8${rng.chars('0123456789', 7)}`);
  }

  private account(username: string, kind: SimActor['kind']): SimActor {
    const a = this.accounts.get(username);
    if (!a) throw new Error(`no demo account ${username}`);
    return { kind, username, name: a.displayName };
  }

  /** The district's or county's 代表工委 for items there; the city's for city-level items. */
  staffFor(jurisdictionCode: string): SimActor {
    const j = this.geo.get(jurisdictionCode);
    if (j.level === 'city') return this.account('staff', 'staff');
    return this.account(`staff.${this.geo.countyOf(j.code).slug}`, 'staff');
  }

  cityStaff(): SimActor {
    return this.account('staff', 'staff');
  }

  officerOf(station: DemoStation): SimActor {
    return this.account(station.officerUsername, 'officer');
  }

  unit(code: string): DemoUnit {
    const u = this.units.get(code);
    if (!u) throw new Error(`no demo unit ${code}`);
    return u;
  }

  /** The unit's staff: its contact person, signed in with the unit's demo log-in when it has one. */
  unitActor(unit: DemoUnit): SimActor {
    return {
      kind: 'unit',
      username: this.unitAccounts.get(unit.code)?.username ?? null,
      name: unit.contactName,
    };
  }

  unitUsername(unitCode: string): string | null {
    return this.unitAccounts.get(unitCode)?.username ?? null;
  }

  representative(rep: DemoRepresentative): SimActor {
    return {
      kind: 'representative',
      username: this.repAccounts.get(rep.code)?.username ?? null,
      name: rep.name,
    };
  }

  /** The office phone printed in a unit's replies. */
  landline(unit: DemoUnit): string {
    return this.landlines.get(unit.code) ?? '';
  }

  /** How a unit calls itself in a reply: 我局, 我委, 我院, 我公司, 我街道, 我镇, 我乡. */
  static we(unit: DemoUnit): string {
    const n = unit.name;
    if (n.endsWith('办事处')) return '我街道';
    if (n.endsWith('人民政府')) return n.includes('乡') ? '我乡' : '我镇';
    if (n.endsWith('公司')) return '我公司';
    if (n.endsWith('法院') || n.endsWith('检察院')) return '我院';
    if (n.endsWith('委员会')) return '我委';
    if (n.endsWith('办公室')) return '我办';
    return '我局';
  }

  countyOf(jurisdictionCode: string): DemoJurisdiction | null {
    const j = this.geo.get(jurisdictionCode);
    return j.level === 'city' ? null : this.geo.countyOf(j.code);
  }
}
