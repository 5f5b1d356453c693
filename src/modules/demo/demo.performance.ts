/**
 * The staff's year with the records, carried out at seeding (the plan: performance.history.ts):
 * each monthly 履职公示 published and corrected, and last year's 履职之星 awarded from the ranking,
 * by the real services (disclosure.service.ts, scores.service.ts, honours.service.ts) at the
 * instant each happened — so a disclosure holds exactly what publishing it then would have written,
 * an honour the score the ranking showed, and each writes its own audit row, as a member of staff
 * doing it would. Nothing of what they hold is generated here.
 *
 * It runs inside the demo's one transaction, after the records are inserted: the services'
 * own transactions join it (`joined`), so the whole demo is still there or not at all. An
 * attendance typed in by hand after a month was first published (补登) is held back until its
 * time, so the first version does not count it and the correction does.
 */
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { correctDisclosure, publishDisclosure } from '../performance/disclosure.service.ts';
import { awardHonours } from '../performance/honours.service.ts';
import { ranking } from '../performance/scores.service.ts';
import type { DemoHonourAward, DemoPublication } from './activities.types.ts';
import * as repo from './demo.performance.repo.ts';
import type { InsertedIds } from './demo.repo.ts';
import type { DemoData } from './demo.types.ts';

function lookup(map: Map<string, number>, key: string, what: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`demo history refers to unknown ${what} ${key}`);
  return id;
}

/**
 * The transaction, as a database whose `transaction()` runs the work in it: a service's
 * "one transaction for the change and its audit row" becomes part of the demo's.
 */
function joined(trx: Transaction<DB>): Transaction<DB> {
  return new Proxy(trx, {
    get(target, prop) {
      if (prop === 'transaction')
        return () => ({ execute: <T>(work: (t: Transaction<DB>) => Promise<T>) => work(target) });
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

type Step = { at: string; order: number; run: (actorCtx: AppContext) => Promise<void> };

export async function carryOutHistory(
  ctx: AppContext,
  trx: Transaction<DB>,
  data: DemoData,
  ids: InsertedIds,
): Promise<void> {
  const h = data.performanceHistory;
  let now = new Date(data.now);
  const at: AppContext = {
    ...ctx,
    database: { ...ctx.database, db: joined(trx) },
    clock: { now: () => new Date(now) },
  };
  const actors = await repo.actorsByUsername(trx, [
    ...new Set([...h.publications.map((p) => p.byUsername), ...h.awards.map((a) => a.byUsername)]),
  ]);
  const actor = (username: string): Actor => {
    const a = actors.get(username);
    if (!a) throw new Error(`demo history refers to unknown user ${username}`);
    return a;
  };
  const rid = (code: string) => lookup(ids.representatives, code, 'representative');

  await repo.givePublicCodes(
    trx,
    h.publicCodes.map((c) => ({ representativeId: rid(c.representativeCode), publicCode: c.publicCode })),
  );

  const steps: Step[] = [];
  // Attendance typed in late: not there until it was typed in.
  const activities = new Map(data.activities.map((a) => [a.key, a]));
  for (const late of h.lateAttendance) {
    const p = activities
      .get(late.activityKey)
      ?.participants.find((x) => x.representativeCode === late.representativeCode);
    if (!p)
      throw new Error(
        `demo history refers to unknown participant ${late.activityKey}/${late.representativeCode}`,
      );
    const activityId = lookup(ids.activities, late.activityKey, 'activity');
    const representativeId = rid(late.representativeCode);
    await repo.setAttendance(trx, activityId, representativeId, repo.NO_ATTENDANCE);
    steps.push({
      at: late.recordedAt,
      order: 0,
      run: () =>
        repo.setAttendance(trx, activityId, representativeId, {
          attendance: p.attendance,
          checked_in_at: p.checkedInAt,
          checkin_method: p.checkinMethod,
          checkin_device: p.checkinDevice,
          manual_reason: p.manualReason,
          recorded_by_user_id:
            p.recordedByUsername === null ? null : lookup(ids.users, p.recordedByUsername, 'user'),
        }),
    });
  }

  // The disclosures: version 1 of each month, then its corrections (of the latest version).
  const published = new Map<string, number>();
  const subjectId = (p: DemoPublication) =>
    p.kind === 'station' ? lookup(ids.stations, p.subjectCode, 'station') : rid(p.subjectCode);
  for (const p of h.publications)
    steps.push({
      at: p.at,
      order: 1,
      run: async (c) => {
        const key = `${p.kind}/${p.subjectCode}/${p.month}`;
        const view =
          p.correctionNote === null
            ? await publishDisclosure(c, actor(p.byUsername), {
                kind: p.kind,
                subjectId: subjectId(p),
                month: p.month,
              })
            : await correctDisclosure(
                c,
                actor(p.byUsername),
                lookup(published, key, 'disclosure'),
                p.correctionNote,
              );
        if (view.version !== p.version)
          throw new Error(`demo disclosure ${key} became version ${view.version}`);
        published.set(key, view.id);
      },
    });

  // The honours: the top of the ranking, each with their own citation.
  for (const a of h.awards) steps.push({ at: a.at, order: 2, run: (c) => award(c, a) });

  const congressName = new Map(data.congresses.map((c) => [c.code, c.name]));
  async function award(c: AppContext, a: DemoHonourAward) {
    const by = actor(a.byUsername);
    const congressId = lookup(ids.congresses, a.congressCode, 'congress');
    const top = await ranking(c, by, { congressId, year: a.year, page: 1, pageSize: a.places });
    for (const [i, item] of top.items.entries()) {
      // The parts in the score card's words, those that earned something.
      const parts = [
        ['参加活动', item.participation],
        ['提出建议', item.suggestions],
        ['解决问题', item.solving],
      ]
        .filter(([, points]) => Number(points) > 0)
        .map(([part, points]) => `${part}${points}分`)
        .join('、');
      const citation =
        `在${congressName.get(a.congressCode)}${a.year}年度代表履职评价中得${item.total}分` +
        `${parts ? `（${parts}）` : ''}，排名第${item.rank}。${a.phrases[i] ?? ''}`;
      await awardHonours(c, by, {
        congressId,
        year: a.year,
        title: a.title,
        representativeIds: [item.representative.id],
        citation,
      });
    }
  }

  steps.sort((x, y) => x.at.localeCompare(y.at) || x.order - y.order);
  for (const step of steps) {
    now = new Date(step.at);
    await step.run(at);
  }
}
