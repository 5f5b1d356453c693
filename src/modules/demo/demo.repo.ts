/**
 * Writes the demo data set into an empty database.
 *
 * Unlike every other repo, this one writes other modules' tables (org, auth) directly instead of
 * calling their services. Two reasons:
 *  - bulk speed: a few thousand rows go in as a handful of multi-row INSERTs inside one
 *    transaction, where the services would run a validated, individually audited write per record
 *    (hundreds of round trips and audit rows for one "load the demo" act);
 *  - it is fixture data: generated valid by construction (demo tests check codes, references,
 *    rules, password policy), inserted only into an empty database, and recorded as a whole by one
 *    'demo.seed' audit row.
 * Rows refer to each other by business key (code, user name); the insert resolves keys to the ids
 * the database assigns, table by table, parents first. The year of opinions goes in the same way:
 * opinions (their facts exactly as the engine writes them), then their events, replies, ratings,
 * extensions, the statistics rows that are their Σ countersOf, and the accounts' notifications.
 * The suggestions go in around them (demo.suggestions.repo.ts): the cases first, so a converted
 * opinion can point at its suggestion's id, the records around the cases once the opinions have theirs.
 * The activities and scores go in last (demo.activities.repo.ts), before the notices that link them.
 */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { PRIVACY_NOTICE_VERSION } from '../opinions/public.schema.ts';
import type { DemoData, DemoOpinion } from './demo.types.ts';
import { insertActivityData } from './demo.activities.repo.ts';
import { insertSuggestionRecords, insertSuggestionRows } from './demo.suggestions.repo.ts';
import { resolveSuggestionRefs } from './suggestions.types.ts';

/** What the service adds to the generated rows: the stored forms of secrets. */
export interface DemoSecrets {
  /** One argon2 hash of the shared demo password. */
  passwordHash: string;
  /** Representative code → encrypted phone and its blind index. */
  representativePhones: Map<string, { enc: string; hash: string }>;
  /** Unit code → encrypted contact phone. */
  unitPhones: Map<string, string>;
  /** Opinion tracking code → the submitter's encrypted name and phone, and the phone's blind index. */
  opinionContacts: Map<string, { nameEnc: string | null; phoneEnc: string | null; phoneHash: string | null }>;
  /** Activity key → the code of its check-in QR code (random, unguessable, like newPublicCode()'s). */
  activityCheckinCodes: Map<string, string>;
}

/** Rows per INSERT of the organisation's tables. */
const CHUNK = 500;
/** Bound parameters per INSERT: under SQLite's 32 766 (and PostgreSQL's 65 535). */
const MAX_PARAMETERS = 30_000;

async function insertAll<T extends keyof DB & string>(
  trx: Transaction<DB>,
  table: T,
  rows: Insertable<DB[T]>[],
): Promise<void> {
  // Narrow rows go in bigger chunks: a year of opinion events is tens of thousands of rows.
  const columns = rows[0] ? Object.keys(rows[0]).length : 1;
  const chunk = Math.max(CHUNK, Math.min(2_000, Math.floor(MAX_PARAMETERS / columns)));
  for (let i = 0; i < rows.length; i += chunk) {
    await (trx as unknown as Kysely<any>)
      .insertInto(table)
      .values(rows.slice(i, i + chunk))
      .execute();
  }
}

/** Insert rows that have a code and an id, returning code → id. */
async function insertKeyed<
  T extends 'jurisdiction' | 'congress' | 'representative' | 'rep_group' | 'unit' | 'station' | 'grid',
>(trx: Transaction<DB>, table: T, rows: Insertable<DB[T]>[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const out = (await (trx as unknown as Kysely<any>)
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK))
      .returning(['id', 'code'])
      .execute()) as { id: number; code: string }[];
    // Matched by code, not by position: neither engine promises RETURNING in VALUES order.
    for (const r of out) ids.set(r.code, r.id);
  }
  return ids;
}

function lookup(map: Map<string, number>, key: string, what: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`demo data refers to unknown ${what} ${key}`);
  return id;
}

/** True when the organisation is empty: no jurisdiction and no congress (everything else hangs off those). */
export async function isOrganisationEmpty(db: Kysely<DB>): Promise<boolean> {
  const j = await db.selectFrom('jurisdiction').select('id').limit(1).executeTakeFirst();
  const c = await db.selectFrom('congress').select('id').limit(1).executeTakeFirst();
  return j === undefined && c === undefined;
}

/** Which of these user names exist (to print only the demo log-ins that are really there). */
export async function existingUsernames(db: Kysely<DB>, usernames: readonly string[]): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  const rows = await db
    .selectFrom('app_user')
    .select('username')
    .where('username', 'in', [...usernames])
    .execute();
  return new Set(rows.map((r) => r.username));
}

/** The id of a jurisdiction by code (for the audit row's jurisdiction). */
export async function jurisdictionIdByCode(db: Kysely<DB>, code: string): Promise<number | null> {
  const row = await db.selectFrom('jurisdiction').select('id').where('code', '=', code).executeTakeFirst();
  return row?.id ?? null;
}

/** The ids the database gave the demo's records, by business key (for the steps run after the insert). */
export interface InsertedIds extends Ids {
  groups: Map<string, number>;
  /** Activity key → id. */
  activities: Map<string, number>;
}

export async function insertDemoData(
  trx: Transaction<DB>,
  data: DemoData,
  secrets: DemoSecrets,
): Promise<InsertedIds> {
  const now = data.now;
  const stamps = { created_at: now, updated_at: now };

  // Jurisdictions level by level, so each parent's id and path are known before its children.
  const jurisdictions = new Map<string, number>();
  const paths = new Map<string, string>();
  for (const level of ['province', 'city', 'county', 'township', 'village'] as const) {
    const rows = data.jurisdictions.filter((j) => j.level === level);
    if (rows.length === 0) continue;
    const ids = await insertKeyed(
      trx,
      'jurisdiction',
      rows.map((j) => ({
        code: j.code,
        name: j.name,
        level: j.level,
        parent_id: j.parentCode ? lookup(jurisdictions, j.parentCode, 'jurisdiction') : null,
        // The path holds the row's own id, known only after the insert.
        path: '/',
        sort_order: j.sortOrder,
        ...stamps,
      })),
    );
    for (const j of rows) {
      const id = lookup(ids, j.code, 'jurisdiction');
      const path = `${j.parentCode ? paths.get(j.parentCode) : '/'}${id}/`;
      jurisdictions.set(j.code, id);
      paths.set(j.code, path);
      await trx.updateTable('jurisdiction').set({ path }).where('id', '=', id).execute();
    }
  }
  const jid = (code: string) => lookup(jurisdictions, code, 'jurisdiction');

  const congresses = await insertKeyed(
    trx,
    'congress',
    data.congresses.map((c) => ({
      code: c.code,
      name: c.name,
      level: c.level,
      term_number: c.termNumber,
      jurisdiction_id: c.jurisdictionCode ? jid(c.jurisdictionCode) : null,
      term_start: c.termStart,
      term_end: c.termEnd,
      ...stamps,
    })),
  );

  const representatives = await insertKeyed(
    trx,
    'representative',
    data.representatives.map((r) => {
      const phone = secrets.representativePhones.get(r.code);
      return {
        code: r.code,
        name: r.name,
        gender: r.gender,
        ethnicity: r.ethnicity,
        jurisdiction_id: jid(r.jurisdictionCode),
        employer: r.employer,
        post: r.post,
        sector: r.sector,
        status: r.status,
        status_note: r.statusNote,
        is_public: r.isPublic ? 1 : 0,
        bio: r.bio,
        phone_enc: phone?.enc ?? null,
        phone_hash: phone?.hash ?? null,
        ...stamps,
      };
    }),
  );
  const rid = (code: string) => lookup(representatives, code, 'representative');

  await insertAll(
    trx,
    'representative_seat',
    data.seats.map((s) => ({
      representative_id: rid(s.representativeCode),
      congress_id: lookup(congresses, s.congressCode, 'congress'),
      delegation: s.delegation,
      constituency: s.constituency,
      elected_on: s.electedOn,
      ended_on: s.endedOn,
    })),
  );

  const groups = await insertKeyed(
    trx,
    'rep_group',
    data.groups.map((g) => ({
      code: g.code,
      name: g.name,
      kind: g.kind,
      jurisdiction_id: jid(g.jurisdictionCode),
      theme: g.theme,
      description: g.description,
      ...stamps,
    })),
  );
  await insertAll(
    trx,
    'group_member',
    data.groups.flatMap((g) =>
      g.members.map((m) => ({
        group_id: lookup(groups, g.code, 'group'),
        representative_id: rid(m.representativeCode),
        role: m.role,
      })),
    ),
  );

  // Units: supervising units before the units that escalate to them.
  const units = new Map<string, number>();
  let pending = [...data.units];
  while (pending.length > 0) {
    const ready = pending.filter((u) => u.parentCode === null || units.has(u.parentCode));
    if (ready.length === 0) throw new Error('demo units have a parent cycle');
    const ids = await insertKeyed(
      trx,
      'unit',
      ready.map((u) => ({
        code: u.code,
        name: u.name,
        short_name: u.shortName,
        kind: u.kind,
        jurisdiction_id: jid(u.jurisdictionCode),
        parent_id: u.parentCode ? lookup(units, u.parentCode, 'unit') : null,
        contact_name: u.contactName,
        contact_phone_enc: secrets.unitPhones.get(u.code) ?? null,
        status: 'active' as const,
        ...stamps,
      })),
    );
    for (const [code, id] of ids) units.set(code, id);
    pending = pending.filter((u) => !units.has(u.code));
  }
  await insertAll(
    trx,
    'unit_category',
    data.units.flatMap((u) =>
      u.categories.map((category) => ({
        unit_id: lookup(units, u.code, 'unit'),
        category_code: category,
        jurisdiction_id: jid(u.jurisdictionCode),
      })),
    ),
  );

  // Accounts: their password counts as set now, so the demo log-ins are not expired on first use.
  const users = new Map<string, number>();
  for (let i = 0; i < data.accounts.length; i += CHUNK) {
    const chunk = data.accounts.slice(i, i + CHUNK);
    const out = await trx
      .insertInto('app_user')
      .values(
        chunk.map((a) => ({
          username: a.username,
          display_name: a.displayName,
          password_hash: secrets.passwordHash,
          jurisdiction_id: jid(a.jurisdictionCode),
          representative_id: a.representativeCode ? rid(a.representativeCode) : null,
          unit_id: a.unitCode ? lookup(units, a.unitCode, 'unit') : null,
          status: 'active' as const,
          failed_logins: 0,
          locked_until: null,
          password_changed_at: now,
          last_login_at: null,
          ...stamps,
        })),
      )
      .returning(['id', 'username'])
      .execute();
    for (const r of out) users.set(r.username, r.id);
  }
  await insertAll(
    trx,
    'user_role',
    data.accounts.flatMap((a) =>
      a.roles.map((role) => ({ user_id: lookup(users, a.username, 'user'), role })),
    ),
  );

  // Stations tier by tier, so every parent exists before its children.
  const stations = new Map<string, number>();
  for (const tier of ['general', 'center', 'station', 'point'] as const) {
    const rows = data.stations.filter((s) => s.tier === tier);
    const ids = await insertKeyed(
      trx,
      'station',
      rows.map((s) => ({
        code: s.code,
        public_code: s.publicCode,
        name: s.name,
        tier: s.tier,
        theme: s.theme,
        jurisdiction_id: jid(s.jurisdictionCode),
        parent_id: s.parentCode ? lookup(stations, s.parentCode, 'station') : null,
        address: s.address,
        liaison_officer_user_id: lookup(users, s.officerUsername, 'user'),
        reception_rule: s.receptionRule,
        reception_start: s.receptionStart,
        reception_end: s.receptionEnd,
        status: 'active' as const,
        opened_on: s.openedOn,
        ...stamps,
      })),
    );
    for (const [code, id] of ids) stations.set(code, id);
  }
  await insertAll(
    trx,
    'station_member',
    data.stations.flatMap((s) =>
      s.memberCodes.map((code) => ({
        station_id: lookup(stations, s.code, 'station'),
        representative_id: rid(code),
      })),
    ),
  );

  const grids = await insertKeyed(
    trx,
    'grid',
    data.grids.map((g) => ({
      code: g.code,
      name: g.name,
      jurisdiction_id: jid(g.jurisdictionCode),
      station_id: lookup(stations, g.stationCode, 'station'),
      description: g.description,
      ...stamps,
    })),
  );
  await insertAll(
    trx,
    'grid_member',
    data.grids.flatMap((g) =>
      g.memberCodes.map((code) => ({ grid_id: lookup(grids, g.code, 'grid'), representative_id: rid(code) })),
    ),
  );

  // Suggestions before opinions: a converted opinion points at the suggestion drafted from it.
  const ids = { jurisdictions, congresses, representatives, stations, grids, units, users };
  const suggestions = await insertSuggestionRows(trx, data, ids);
  const opinions = await insertOpinions(trx, data, secrets, ids, suggestions);
  await insertSuggestionRecords(trx, data, ids, suggestions, opinions);
  const activities = await insertActivityData(
    trx,
    data,
    { ...ids, groups },
    { suggestions, opinions, checkinCodes: secrets.activityCheckinCodes },
  );
  await insertNotifications(trx, data, ids, opinions, suggestions, activities);
  return { ...ids, groups, activities };
}

interface Ids {
  jurisdictions: Map<string, number>;
  congresses: Map<string, number>;
  representatives: Map<string, number>;
  stations: Map<string, number>;
  grids: Map<string, number>;
  units: Map<string, number>;
  users: Map<string, number>;
}

const bit = (b: boolean) => (b ? 1 : 0);

async function insertOpinions(
  trx: Transaction<DB>,
  data: DemoData,
  secrets: DemoSecrets,
  ids: Ids,
  suggestions: Map<string, number>,
): Promise<Map<string, number>> {
  const sid = (key: string) => lookup(suggestions, key, 'suggestion');
  const resolve = (text: string | null) => (text === null ? null : resolveSuggestionRefs(text, sid));
  const optional = (map: Map<string, number>, key: string | null, what: string) =>
    key === null ? null : lookup(map, key, what);
  const user = (username: string | null) => optional(ids.users, username, 'user');
  const unit = (code: string | null) => optional(ids.units, code, 'unit');

  const row = (o: DemoOpinion): Insertable<DB['opinion']> => {
    const f = o.facts;
    const contact = secrets.opinionContacts.get(o.trackingCode);
    return {
      tracking_code: o.trackingCode,
      status: f.status,
      version: o.version,
      channel: o.channel,
      submitter_kind: o.submitterKind,
      jurisdiction_id: lookup(ids.jurisdictions, o.jurisdictionCode, 'jurisdiction'),
      station_id: optional(ids.stations, o.stationCode, 'station'),
      representative_id: optional(ids.representatives, o.representativeCode, 'representative'),
      grid_id: optional(ids.grids, o.gridCode, 'grid'),
      category_code: f.category_code,
      content: o.content,
      address: o.address,
      submitter_name_enc: contact?.nameEnc ?? null,
      submitter_phone_enc: contact?.phoneEnc ?? null,
      submitter_phone_hash: contact?.phoneHash ?? null,
      anonymous: bit(o.anonymous),
      consent_privacy_at: o.submittedAt,
      privacy_notice_version: PRIVACY_NOTICE_VERSION,
      consent_publish: bit(o.consentPublish),
      registered_by_user_id: user(o.registeredByUsername),
      submitted_at: o.submittedAt,
      stats_month: o.statsMonth,
      ack_due: f.ack_due,
      ack_at: f.ack_at,
      ack_on_time: f.ack_on_time,
      ack_overdue: f.ack_overdue,
      unit_id: unit(o.unitCode),
      assigned_at: f.assigned_at,
      sign_due: f.sign_due,
      signed_at: f.signed_at,
      sign_overdue: f.sign_overdue,
      reply_due: f.reply_due,
      reply_due_provisional: f.reply_due_provisional,
      reply_overdue: f.reply_overdue,
      paused_from: f.paused_from,
      first_reply_at: f.first_reply_at,
      reply_on_time: f.reply_on_time,
      last_result: f.last_result,
      last_reply_at: f.last_reply_at,
      feedback_due: f.feedback_due,
      last_rating: f.last_rating,
      rated_at: f.rated_at,
      rehandle_rounds: f.rehandle_rounds,
      // Set below, once the case it was merged into has its id.
      merged_into_id: null,
      rejection_reason: f.rejection_reason,
      rejection_note: f.rejection_note,
      converted_ref: resolve(f.converted_ref),
      closed_at: f.closed_at,
      published_at: f.published_at,
      published_content: f.published_content,
      published_reply: f.published_reply,
      created_at: o.submittedAt,
      updated_at: o.updatedAt,
    };
  };

  const opinions = new Map<string, number>();
  const perChunk = Math.floor(MAX_PARAMETERS / 60);
  for (let i = 0; i < data.opinions.length; i += perChunk) {
    const out = await trx
      .insertInto('opinion')
      .values(data.opinions.slice(i, i + perChunk).map(row))
      .returning(['id', 'tracking_code'])
      .execute();
    for (const r of out) opinions.set(r.tracking_code, r.id);
  }
  const oid = (code: string) => lookup(opinions, code, 'opinion');
  for (const o of data.opinions) {
    if (o.mergedIntoTrackingCode === null) continue;
    await trx
      .updateTable('opinion')
      .set({ merged_into_id: oid(o.mergedIntoTrackingCode) })
      .where('id', '=', oid(o.trackingCode))
      .execute();
  }

  await insertAll(
    trx,
    'opinion_event',
    data.opinions.flatMap((o) =>
      o.events.map((e) => ({
        opinion_id: oid(o.trackingCode),
        at: e.at,
        action: e.action,
        from_status: e.from,
        to_status: e.to,
        actor_kind: e.actorKind,
        actor_user_id: user(e.actorUsername),
        actor_name: e.actorName,
        unit_id: unit(e.unitCode),
        public_note: resolve(e.publicNote),
        internal_note: resolve(e.internalNote),
        detail: resolveSuggestionRefs(JSON.stringify(e.detail), sid),
      })),
    ),
  );
  await insertAll(
    trx,
    'opinion_reply',
    data.opinions.flatMap((o) =>
      o.replies.map((r) => ({
        opinion_id: oid(o.trackingCode),
        round: r.round,
        kind: r.kind,
        result: r.result,
        content: r.content,
        unit_id: unit(r.unitCode),
        replied_by_user_id: user(r.repliedByUsername),
        replier_name: r.replierName,
        contact_note: r.contactNote,
        at: r.at,
        on_time: bit(r.onTime),
      })),
    ),
  );
  await insertAll(
    trx,
    'opinion_rating',
    data.opinions.flatMap((o) =>
      o.ratings.map((r) => ({
        opinion_id: oid(o.trackingCode),
        round: r.round,
        rating: r.rating,
        comment: r.comment,
        by_citizen: bit(r.byCitizen),
        recorded_by_user_id: user(r.recordedByUsername),
        at: r.at,
      })),
    ),
  );
  await insertAll(
    trx,
    'opinion_extension',
    data.opinions.flatMap((o) =>
      o.extensions.map((x) => ({
        opinion_id: oid(o.trackingCode),
        requested_at: x.requestedAt,
        requested_by_user_id: user(x.requestedByUsername),
        working_days: x.workingDays,
        reason: x.reason,
        previous_due: x.previousDue,
        decided_at: x.decidedAt,
        decided_by_user_id: user(x.decidedByUsername),
        approved: x.approved === null ? null : bit(x.approved),
        new_due: x.newDue,
        decision_note: x.decisionNote,
      })),
    ),
  );
  await insertAll(
    trx,
    'opinion_stats',
    data.opinionStats.map((st) => ({
      month: st.month,
      jurisdiction_id: lookup(ids.jurisdictions, st.jurisdictionCode, 'jurisdiction'),
      station_id: optional(ids.stations, st.stationCode, 'station') ?? 0,
      unit_id: unit(st.unitCode) ?? 0,
      category_code: st.categoryCode ?? '',
      ...st.counters,
    })),
  );
  return opinions;
}

/** The demo accounts' notices, linking the opinion, the suggestion or the activity they are about. */
async function insertNotifications(
  trx: Transaction<DB>,
  data: DemoData,
  ids: Ids,
  opinions: Map<string, number>,
  suggestions: Map<string, number>,
  activities: Map<string, number>,
): Promise<void> {
  const link = (
    n: DemoData['notifications'][number],
  ): { link_type: string | null; link_id: number | null } => {
    if (n.linkTrackingCode !== null)
      return { link_type: 'opinion', link_id: lookup(opinions, n.linkTrackingCode, 'opinion') };
    if (n.linkSuggestionKey !== null)
      return { link_type: 'suggestion', link_id: lookup(suggestions, n.linkSuggestionKey, 'suggestion') };
    if (n.linkActivityKey != null)
      return { link_type: 'activity', link_id: lookup(activities, n.linkActivityKey, 'activity') };
    return { link_type: null, link_id: null };
  };
  await insertAll(
    trx,
    'notification',
    data.notifications.map((n) => ({
      user_id: lookup(ids.users, n.username, 'user'),
      kind: n.kind,
      title: n.title,
      body: n.body,
      ...link(n),
      created_at: n.createdAt,
      read_at: n.readAt,
    })),
  );
}
