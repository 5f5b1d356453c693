/**
 * Writes the demo's year of activities and scores, in the transaction of the rest of the demo
 * (demo.repo.ts), after the opinions and suggestions (outputs and score entries name them): the
 * activities (ids come back with RETURNING, matched by their check-in codes, unique by the index),
 * their participants and outputs, each local congress's rule sets, the suggestions marked
 * excellent and the score entries `recompute` would have written.
 *
 * Reception duty was computed with the representatives' places in the data standing for their
 * ids (onDuty takes the roster in id order): the insert checks that the ids follow that order,
 * which they do on both engines for rows inserted in order into an empty table.
 */
import type { Insertable, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { DemoData } from './demo.types.ts';
import { insertChunks, type DemoIds } from './demo.suggestions.repo.ts';

export interface ActivityIds extends DemoIds {
  stations: Map<string, number>;
  groups: Map<string, number>;
}

/** The references the activities make beyond the organisation. */
export interface ActivityRefs {
  suggestions: Map<string, number>;
  opinions: Map<string, number>;
  /** Activity key → its check-in code (random: drawn by the seeding service like newPublicCode()). */
  checkinCodes: Map<string, string>;
}

function lookup(map: Map<string, number>, key: string, what: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`demo data refers to unknown ${what} ${key}`);
  return id;
}

const optional = (map: Map<string, number>, key: string | null, what: string) =>
  key === null ? null : lookup(map, key, what);

/** Returns activity key → id (for the notices that link them). */
export async function insertActivityData(
  trx: Transaction<DB>,
  data: DemoData,
  ids: ActivityIds,
  refs: ActivityRefs,
): Promise<Map<string, number>> {
  let previous = 0;
  for (const r of data.representatives) {
    const id = lookup(ids.representatives, r.code, 'representative');
    if (id <= previous)
      throw new Error('demo representatives did not get ids in insertion order: reception duty would differ');
    previous = id;
  }
  const user = (username: string | null) => optional(ids.users, username, 'user');

  const keyOfCode = new Map<string, string>();
  const rows = data.activities.map((a): Insertable<DB['activity']> => {
    const code = refs.checkinCodes.get(a.key);
    if (code === undefined) throw new Error(`no check-in code for ${a.key}`);
    keyOfCode.set(code, a.key);
    return {
      type_code: a.typeCode,
      title: a.title,
      organiser: a.organiser,
      jurisdiction_id: lookup(ids.jurisdictions, a.jurisdictionCode, 'jurisdiction'),
      congress_id: optional(ids.congresses, a.congressCode, 'congress'),
      station_id: optional(ids.stations, a.stationCode, 'station'),
      group_id: optional(ids.groups, a.groupCode, 'group'),
      starts_at: a.startsAt,
      ends_at: a.endsAt,
      place: a.place,
      agenda: a.agenda,
      status: a.status,
      checkin_code: code,
      minutes: a.minutes,
      rule_date: a.ruleDate,
      created_by_user_id: user(a.createdByUsername),
      deleted_at: a.deletedAt,
      deleted_reason: a.deletedReason,
      version: a.version,
      created_at: a.createdAt,
      updated_at: a.updatedAt,
    };
  });
  const activities = new Map<string, number>();
  for (const r of await insertChunks<'activity', { id: number; checkin_code: string }>(
    trx,
    'activity',
    rows,
    ['id', 'checkin_code'],
  ))
    activities.set(keyOfCode.get(r.checkin_code)!, r.id);
  const aid = (key: string) => lookup(activities, key, 'activity');
  const rid = (code: string) => lookup(ids.representatives, code, 'representative');

  await insertChunks(
    trx,
    'activity_participant',
    data.activities.flatMap((a) =>
      a.participants.map((p): Insertable<DB['activity_participant']> => ({
        activity_id: aid(a.key),
        representative_id: rid(p.representativeCode),
        role: p.role,
        status: p.status,
        invited_at: p.invitedAt,
        leave_reason: p.leaveReason,
        leave_decided_at: p.leaveDecidedAt,
        leave_decided_by_user_id: user(p.leaveDecidedByUsername),
        attendance: p.attendance,
        checked_in_at: p.checkedInAt,
        checkin_method: p.checkinMethod,
        checkin_device: p.checkinDevice,
        manual_reason: p.manualReason,
        recorded_by_user_id: user(p.recordedByUsername),
      })),
    ),
    null,
  );
  await insertChunks(
    trx,
    'activity_output',
    data.activities.flatMap((a) =>
      a.outputs.map((o): Insertable<DB['activity_output']> => ({
        activity_id: aid(a.key),
        kind: o.kind,
        ref_id: o.suggestionKey === null ? null : lookup(refs.suggestions, o.suggestionKey, 'suggestion'),
        title: o.title,
        created_by_user_id: user(o.createdByUsername),
        created_at: o.createdAt,
      })),
    ),
    null,
  );

  const congressCode = new Map([...ids.congresses].map(([code, id]) => [id, code]));
  const sets = new Map<string, number>();
  for (const r of await insertChunks<
    'performance_rule_set',
    { id: number; congress_id: number; year: number }
  >(
    trx,
    'performance_rule_set',
    data.ruleSets.map((s) => ({
      congress_id: lookup(ids.congresses, s.congressCode, 'congress'),
      year: s.year,
      version: s.version,
      rules: JSON.stringify(s.rules),
      note: s.note,
      created_by_user_id: user(s.createdByUsername),
      created_at: s.createdAt,
      computed_at: s.computedAt,
    })),
    ['id', 'congress_id', 'year'],
  ))
    sets.set(`${congressCode.get(r.congress_id)}/${r.year}`, r.id);

  await insertChunks(
    trx,
    'excellent_suggestion',
    data.excellentSuggestions.map((e) => ({
      suggestion_id: lookup(refs.suggestions, e.suggestionKey, 'suggestion'),
      marked_by_user_id: user(e.markedByUsername),
      at: e.at,
    })),
    null,
  );

  const source = (type: string, key: string) =>
    type === 'activity'
      ? aid(key)
      : type === 'suggestion'
        ? lookup(refs.suggestions, key, 'suggestion')
        : lookup(refs.opinions, key, 'opinion');
  await insertChunks(
    trx,
    'score_entry',
    data.scoreEntries.map((e) => ({
      rule_set_id: lookup(sets, `${e.congressCode}/${e.year}`, 'rule set'),
      representative_id: rid(e.representativeCode),
      category: e.category,
      rule: e.rule,
      source_type: e.sourceType,
      source_id: source(e.sourceType, e.sourceKey),
      points_centi: e.centi,
      at: data.now,
    })),
    null,
  );
  return activities;
}
