/**
 * Loading the demo organisation (DESIGN.md §1, capability 1), its year of opinions (§4.1), of
 * representatives' suggestions and motions (§4.2) and of activities and duty-performance scores
 * (§4.3) into an empty database: generate the rows (the deadlines on this deployment's policy and
 * suggestion limits), seal the secrets the way the real code paths do (phones encrypted with a
 * blind index, submitters' names encrypted, one argon2 hash of the demo password, random check-in
 * codes), and insert everything with its 'demo.seed' audit row in one transaction — either the
 * whole demo is there, or nothing is. Like the opinions' transitions and the suggestions' steps,
 * the activities' creations, leave decisions, check-ins, the cancellation and the deletion write no
 * audit rows of their own: the 'demo.seed' row records the whole load. The staff's monthly
 * disclosures and last year's honours are the exception: they go through the real services at the
 * instants they happened (demo.performance.ts), each with its audit row, before the 'demo.seed' row.
 */
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { newPublicCode } from '../org/org.domain.ts';
import { recordAudit, searchAudit } from '../audit/audit.service.ts';
import { SYSTEM_ACTOR } from '../auth/auth.domain.ts';
import { hashPassword } from '../auth/auth.service.ts';
import { DEMO_PASSWORD, featuredLogins } from './accounts.ts';
import {
  countDemoData,
  DEFAULT_DEMO_SEED,
  generateDemoData,
  generateOrganisation,
  type DemoCounts,
} from './demo.generate.ts';
import { carryOutHistory } from './demo.performance.ts';
import * as repo from './demo.repo.ts';
import type { DemoAccount, DemoData } from './demo.types.ts';
import { CITY_CODE } from './jurisdictions.ts';

export { DEMO_PASSWORD, DEFAULT_DEMO_SEED };

export interface SeedResult {
  seed: string;
  counts: DemoCounts;
  /** The log-ins to print. */
  logins: DemoAccount[];
  /** The generated rows (phones in clear): for tests and for later generators that build on them. */
  data: DemoData;
}

/**
 * A check-in code per activity, drawn as the activity services draw them (newPublicCode): random
 * and unguessable, not from the published demo seed — a code is what a phone presents to check in.
 */
function checkinCodes(keys: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const key of keys) {
    let code = newPublicCode();
    while (used.has(code)) code = newPublicCode();
    used.add(code);
    out.set(key, code);
  }
  return out;
}

/** True when the database holds no organisation yet (the condition for loading the demo). */
export async function isOrganisationEmpty(ctx: AppContext): Promise<boolean> {
  return repo.isOrganisationEmpty(ctx.database.db);
}

/**
 * Generate and insert the demo data set. Refuses (CONFLICT) when the database already has an
 * organisation: the demo is never mixed into real records.
 */
export async function seedDemoData(ctx: AppContext, options: { seed?: string } = {}): Promise<SeedResult> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const data = generateDemoData({
    seed,
    now: ctx.clock.now(),
    policy: ctx.config.opinions,
    suggestionLimits: ctx.config.suggestions,
  });
  // Every account shares the one published password, so one hash serves them all.
  const passwordHash = await hashPassword(ctx, DEMO_PASSWORD);
  const secrets: repo.DemoSecrets = {
    passwordHash,
    representativePhones: new Map(
      data.representatives.map((r) => [
        r.code,
        { enc: ctx.cipher.encrypt(r.phone), hash: ctx.cipher.blindIndex(r.phone) },
      ]),
    ),
    unitPhones: new Map(data.units.map((u) => [u.code, ctx.cipher.encrypt(u.contactPhone)])),
    opinionContacts: new Map(
      data.opinions.map((o) => [
        o.trackingCode,
        {
          nameEnc: o.submitterName === null ? null : ctx.cipher.encrypt(o.submitterName),
          phoneEnc: o.submitterPhone === null ? null : ctx.cipher.encrypt(o.submitterPhone),
          phoneHash: o.submitterPhone === null ? null : ctx.cipher.blindIndex(o.submitterPhone),
        },
      ]),
    ),
    activityCheckinCodes: checkinCodes(data.activities.map((a) => a.key)),
  };
  const counts = countDemoData(data);
  await ctx.database.db.transaction().execute(async (trx) => {
    if (!(await repo.isOrganisationEmpty(trx))) {
      throw new AppError('CONFLICT', {
        zh: '数据库中已有组织数据，不能再载入演示数据',
        en: 'The database already holds an organisation; the demo data is loaded only into an empty one',
      });
    }
    const ids = await repo.insertDemoData(trx, data, secrets);
    await carryOutHistory(ctx, trx, data, ids);
    await recordAudit(ctx, trx, SYSTEM_ACTOR, {
      action: 'demo.seed',
      entityType: 'demo',
      entityId: seed,
      jurisdictionId: await repo.jurisdictionIdByCode(trx, CITY_CODE),
      detail: { seed, counts },
    });
  });
  return { seed, counts, logins: featuredLogins(data), data };
}

/**
 * The featured demo log-ins that exist in this database: none when the demo was never loaded,
 * and only those still there after an administrator removed some. User names and roles do not
 * depend on the seed.
 */
export async function presentDemoLogins(ctx: AppContext): Promise<DemoAccount[]> {
  // Only where the demo was loaded: a real deployment's 'leader' account does not have the demo password.
  const seeded = await searchAudit(ctx, null, { action: 'demo.seed', success: true }, 1, 1);
  if (seeded.total === 0) return [];
  const logins = featuredLogins(generateOrganisation({ now: ctx.clock.now() }));
  const present = await repo.existingUsernames(
    ctx.database.db,
    logins.map((l) => l.username),
  );
  return logins.filter((l) => present.has(l.username));
}
