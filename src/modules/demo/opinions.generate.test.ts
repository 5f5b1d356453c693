import { describe, expect, it } from 'vitest';
import { nextReceptionDates } from '../../lib/recurrence.ts';
import { addWorkingDays, beijingDateOf, isWorkingDay, workingDaysBetween } from '../../lib/working-days.ts';
import { followUp, transition, type TransitionContext } from '../opinions/opinions.domain.ts';
import { countersOf, kpisOf, STATS_COUNTERS } from '../opinions/opinions.kpi.ts';
import {
  CHANNELS,
  OPINION_STATES,
  REJECTION_REASONS,
  type OpinionState,
  type Rating,
} from '../opinions/opinions.vocab.ts';
import { countDemoData, generateDemoData } from './demo.generate.ts';
import type { DemoData, DemoOpinion } from './demo.types.ts';
import { isWithin } from './jurisdictions.ts';
import { TOPICS } from './opinions.generate.ts';
import { statsKeyOf, statsOf, totalOf } from './opinions.stats.ts';
import {
  DEFAULT_OPINION_POLICY,
  dateOfDay,
  dayOf,
  dayOfDate,
  instantOf,
  officialCalendar,
  WorkingDays,
} from './opinions.time.ts';
import { CATEGORY_CODES } from './opinions.topics.ts';

const NOW = new Date('2026-11-22T02:00:00.000Z');
const data: DemoData = generateDemoData({ now: NOW });
const opinions = data.opinions;
const cal = officialCalendar();
const policy = DEFAULT_OPINION_POLICY;
const nowIso = NOW.toISOString();
const share = (n: number) => n / opinions.length;
const count = (pred: (o: DemoOpinion) => boolean) => opinions.filter(pred).length;

/** The states the system leaves at once (a reply opens the feedback window, a rating closes or re-opens). */
const TRANSIENT: readonly OpinionState[] = ['REPLIED', 'ANSWERED_ON_SPOT', 'RATED'];

describe('a year of demo opinions', () => {
  it('is the same for the same seed and date, and another for another date', () => {
    const again = generateDemoData({ now: NOW });
    expect(again.opinions).toEqual(opinions);
    expect(again.opinionStats).toEqual(data.opinionStats);
    expect(again.notifications).toEqual(data.notifications);
    const other = generateDemoData({ now: new Date('2026-03-02T01:00:00.000Z') });
    expect(other.opinions.map((o) => o.trackingCode)).not.toEqual(opinions.map((o) => o.trackingCode));
  });

  it('has about 4,000 opinions over the twelve months before the seeding date', () => {
    expect(opinions.length).toBeGreaterThan(3500);
    expect(opinions.length).toBeLessThan(4500);
    const first = new Date(NOW.getTime() - 366 * 86_400_000).toISOString();
    for (const o of opinions) {
      expect(o.submittedAt > first && o.submittedAt < nowIso, o.submittedAt).toBe(true);
      expect(o.statsMonth).toBe(beijingDateOf(new Date(o.submittedAt)).slice(0, 7));
    }
    expect(new Set(opinions.map((o) => o.trackingCode)).size).toBe(opinions.length);
    for (const o of opinions) expect(o.trackingCode).toMatch(/^[a-hj-km-np-z2-9]{10}$/);
  });

  it('replays every history through transition(), one legal step at a time', () => {
    for (const o of opinions) {
      const [submit, ...steps] = o.events;
      expect(submit).toMatchObject({ action: 'submit', from: null, to: 'SUBMITTED', at: o.submittedAt });
      let state: OpinionState = 'SUBMITTED';
      const ctx: TransitionContext = {
        pausedFrom: null,
        rating: null,
        rehandleRounds: 0,
        maxRehandleRounds: policy.maxRehandleRounds,
        hasUnit: false,
        consentPublish: o.consentPublish,
      };
      let last = o.submittedAt;
      let owed: string | null = null;
      for (const e of steps) {
        expect(e.at >= last, `${o.trackingCode} ${e.action} goes back in time`).toBe(true);
        expect(e.at <= nowIso).toBe(true);
        // The system's follow-up comes at once, before anyone else acts.
        if (owed)
          expect({ action: e.action, by: e.actorKind, at: e.at }).toEqual({
            action: owed,
            by: 'system',
            at: last,
          });
        if (e.action === 'rate') ctx.rating = e.detail.rating as Rating;
        expect(e.from).toBe(state);
        const result = transition(state, e.action as Exclude<typeof e.action, 'submit'>, e.actorKind, ctx);
        expect(result, `${o.trackingCode}: ${e.action} by ${e.actorKind} in ${state}`).toEqual({
          ok: true,
          to: e.to,
        });
        if (e.to === 'RETURN_REQUESTED' || e.to === 'EXTENSION_REQUESTED') ctx.pausedFrom = state;
        else if (state === 'RETURN_REQUESTED' || state === 'EXTENSION_REQUESTED') ctx.pausedFrom = null;
        if (e.action === 'assign') ctx.hasUnit = true;
        if (e.action === 'approve_return') ctx.hasUnit = false;
        if (e.action === 'reopen' && e.to === 'REHANDLING') ctx.rehandleRounds += 1;
        state = e.to;
        last = e.at;
        owed = followUp(state, ctx);
      }
      expect(owed, `${o.trackingCode} stops where the system would act`).toBeNull();
      expect(state).toBe(o.facts.status);
      expect(o.version).toBe(o.events.length);
      expect(o.updatedAt).toBe(last);
      expect(o.facts.rehandle_rounds).toBe(ctx.rehandleRounds);
      expect(o.facts.paused_from).toBe(ctx.pausedFrom);
      expect(o.unitCode !== null).toBe(ctx.hasUnit);
    }
  });

  it('keeps the replies, ratings and extensions in step with the events', () => {
    for (const o of opinions) {
      const actions = o.events.map((e) => e.action);
      const n = (a: string) => actions.filter((x) => x === a).length;
      expect(o.replies.map((r) => r.round)).toEqual(o.replies.map((_, i) => i + 1));
      expect(o.replies.length).toBe(n('reply') + n('answer_on_spot'));
      expect(o.replies.filter((r) => r.kind === 'on_spot').length).toBe(n('answer_on_spot'));
      expect(o.ratings.length).toBe(n('rate'));
      for (const r of o.ratings) expect(o.replies[r.round - 1]!.at <= r.at).toBe(true);
      expect(o.extensions.length).toBe(n('request_extension'));
      expect(o.extensions.filter((x) => x.approved === true).length).toBe(n('approve_extension'));
      expect(o.extensions.filter((x) => x.approved === false).length).toBe(n('refuse_extension'));
      for (const x of o.extensions) {
        expect(x.workingDays).toBeLessThanOrEqual(policy.maxExtensionWorkingDays);
        if (x.approved) expect(x.newDue! > x.previousDue).toBe(true);
      }
      const f = o.facts;
      expect(f.first_reply_at).toBe(o.replies[0]?.at ?? null);
      expect(f.last_reply_at).toBe(o.replies.at(-1)?.at ?? null);
      expect(f.last_result).toBe(o.replies.at(-1)?.result ?? null);
      expect(f.reply_on_time).toBe(o.replies[0] ? (o.replies[0].onTime ? 1 : 0) : null);
      expect(f.last_rating).toBe(o.ratings.at(-1)?.rating ?? null);
      expect(f.rated_at).toBe(o.ratings.at(-1)?.at ?? null);
    }
  });

  it('writes the deadlines and on-time flags as the engine counts them on the official calendar', () => {
    for (const o of opinions) {
      const f = o.facts;
      expect(f.ack_due).toBe(
        addWorkingDays(cal, new Date(o.submittedAt), policy.ackWorkingDays).due.toISOString(),
      );
      // The response is the first step out of SUBMITTED.
      const first = o.events[1];
      expect(f.ack_at).toBe(first && first.from === 'SUBMITTED' ? first.at : null);
      if (f.ack_at) expect(f.ack_on_time).toBe(f.ack_at <= f.ack_due ? 1 : 0);
      expect(f.ack_overdue).toBe((f.ack_at ?? nowIso) > f.ack_due ? 1 : 0);
      const assign = o.events.findLast((e) => e.action === 'assign');
      if (o.unitCode && assign) {
        const at = new Date(assign.at);
        expect(f.assigned_at).toBe(assign.at);
        expect(assign.unitCode).toBe(o.unitCode);
        expect(f.sign_due).toBe(addWorkingDays(cal, at, policy.signWorkingDays).due.toISOString());
        if (f.signed_at) expect(f.sign_overdue).toBe(f.signed_at > f.sign_due! ? 1 : 0);
        else expect(f.sign_overdue).toBe(nowIso > f.sign_due! ? 1 : 0);
        const moved = o.events.some(
          (e) => e.at > assign.at && (e.action === 'approve_extension' || e.action === 'reopen'),
        );
        if (!moved) {
          const due = addWorkingDays(cal, at, policy.replyWorkingDays);
          expect(f.reply_due).toBe(due.due.toISOString());
          expect(f.reply_due_provisional).toBe(due.provisional ? 1 : 0);
          const reply = o.replies.find((r) => r.kind === 'unit' && r.at > assign.at);
          if (reply) expect(reply.onTime).toBe(reply.at <= f.reply_due!);
        }
      } else {
        expect([f.assigned_at, f.sign_due, f.reply_due, f.signed_at]).toEqual([null, null, null, null]);
      }
      const open = ['ASSIGNED', 'SIGNED', 'RETURN_REQUESTED', 'EXTENSION_REQUESTED', 'REHANDLING'].includes(
        f.status,
      );
      if (open && f.reply_due && f.reply_due < nowIso) expect(f.reply_overdue).toBe(1);
      if (f.feedback_due) {
        const opened = o.events.findLast((e) => e.action === 'open_feedback')!;
        const due = new Date(
          Date.parse(`${beijingDateOf(new Date(opened.at))}T23:59:59.999Z`) - 8 * 3_600_000 + 7 * 86_400_000,
        );
        expect(f.feedback_due).toBe(due.toISOString());
      }
      if (f.status === 'AWAITING_FEEDBACK') expect(f.feedback_due! > nowIso).toBe(true);
      const final = ['REJECTED', 'MERGED', 'CONVERTED', 'CLOSED', 'CLOSED_UNRATED', 'PUBLISHED'].includes(
        f.status,
      );
      expect(f.closed_at !== null).toBe(final);
    }
  });

  it('marks a deadline provisional exactly when it runs into a year without an official calendar', () => {
    expect(opinions.every((o) => o.facts.reply_due_provisional === 0)).toBe(true);
    // Seeded at the end of December, the new year's deadlines are counted Monday to Friday.
    const december = generateDemoData({ now: new Date('2026-12-29T02:00:00.000Z') });
    const provisional = december.opinions.filter((o) => o.facts.reply_due_provisional === 1);
    expect(provisional.length).toBeGreaterThan(0);
    for (const o of provisional) expect(o.facts.reply_due! >= '2026-12-31T16:00:00.000Z').toBe(true);
    expect(provisional.length).toBeLessThan(december.opinions.length / 10);
  });

  it('keeps opinion_stats equal to Σ countersOf per key', () => {
    expect(statsOf(opinions)).toEqual(data.opinionStats);
    const byKey = new Map(
      data.opinionStats.map((s) => [
        [s.month, s.jurisdictionCode, s.stationCode ?? '', s.unitCode ?? '', s.categoryCode ?? ''].join('|'),
        s,
      ]),
    );
    expect(byKey.size).toBe(data.opinionStats.length);
    const sums = new Map<string, Record<string, number>>();
    for (const o of opinions) {
      const c = countersOf(o.facts);
      const sum = sums.get(statsKeyOf(o)) ?? {};
      for (const k of STATS_COUNTERS) sum[k] = (sum[k] ?? 0) + c[k];
      sums.set(statsKeyOf(o), sum);
    }
    for (const [key, sum] of sums) expect(byKey.get(key)?.counters).toEqual(sum);
    expect(totalOf(data.opinionStats).collected).toBe(opinions.length);
  });

  it('reaches every state a case can rest in, in proportions an office would have', () => {
    const byStatus = countDemoData(data).opinions.byStatus;
    for (const s of OPINION_STATES) {
      if (TRANSIENT.includes(s)) expect(byStatus[s], s).toBeUndefined();
      else expect(byStatus[s], s).toBeGreaterThan(0);
    }
    for (const s of TRANSIENT)
      expect(
        opinions.some((o) => o.events.some((e) => e.to === s)),
        s,
      ).toBe(true);
    const closed = (byStatus.CLOSED ?? 0) + (byStatus.PUBLISHED ?? 0) + (byStatus.CLOSED_UNRATED ?? 0);
    expect(share(closed)).toBeGreaterThan(0.7);
    expect(share(byStatus.CLOSED_UNRATED ?? 0)).toBeGreaterThan(0.05);
    expect(share(byStatus.CLOSED_UNRATED ?? 0)).toBeLessThan(0.2);
    expect(share(byStatus.PUBLISHED ?? 0)).toBeGreaterThan(0.05);
    expect(share(byStatus.REJECTED ?? 0)).toBeGreaterThan(0.02);
    expect(share(byStatus.REJECTED ?? 0)).toBeLessThan(0.07);
    expect(share(byStatus.MERGED ?? 0)).toBeGreaterThan(0.01);
    expect(share(byStatus.MERGED ?? 0)).toBeLessThan(0.05);
    expect(byStatus.CONVERTED).toBeGreaterThan(15);
    const ratings = opinions.map((o) => o.facts.last_rating);
    const [sat, basic, unsat] = (['satisfied', 'basically_satisfied', 'unsatisfied'] as const).map(
      (r) => ratings.filter((x) => x === r).length,
    );
    expect(sat).toBeGreaterThan(basic!);
    expect(basic).toBeGreaterThan(unsat!);
    expect(unsat).toBeGreaterThan(0);
    // 不满意 → 二次办理; some satisfied after it, some still not.
    const rehandled = opinions.filter((o) => o.facts.rehandle_rounds > 0);
    expect(rehandled.length).toBeGreaterThan(30);
    expect(rehandled.some((o) => o.facts.status === 'CLOSED' && o.facts.last_rating === 'unsatisfied')).toBe(
      true,
    );
    expect(rehandled.some((o) => o.facts.last_rating === 'satisfied')).toBe(true);
    expect(
      opinions.some((o) => o.replies.some((r) => r.kind === 'on_spot') && o.facts.status === 'CLOSED'),
    ).toBe(true);
    // In progress: extensions approved and refused, returns approved (reassigned) and refused.
    const actions = new Set(opinions.flatMap((o) => o.events.map((e) => e.action)));
    for (const a of [
      'approve_extension',
      'refuse_extension',
      'approve_return',
      'refuse_return',
      'convert',
      'merge',
    ])
      expect(actions.has(a as never), a).toBe(true);
    expect(
      opinions.some((o) => o.events.filter((e) => e.action === 'assign').length === 2 && o.unitCode),
    ).toBe(true);
  });

  it('rejects with every reason, and tells the citizen where to go instead', () => {
    const rejected = opinions.filter((o) => o.facts.status === 'REJECTED');
    expect(new Set(rejected.map((o) => o.facts.rejection_reason))).toEqual(new Set(REJECTION_REASONS));
    for (const o of rejected) {
      expect(o.facts.rejection_note).toBeTruthy();
      expect(o.events.at(-1)!.publicNote).toContain(o.facts.rejection_note!);
    }
    expect(opinions.filter((o) => o.facts.rejection_reason !== null)).toHaveLength(rejected.length);
  });

  it('has overdue items for the dashboards: unacknowledged, unsigned and unanswered', () => {
    const overdue = countDemoData(data).opinions.overdue;
    expect(overdue.ack).toBeGreaterThan(0);
    expect(overdue.sign).toBeGreaterThan(0);
    expect(overdue.reply).toBeGreaterThan(0);
    // Most steps were on time all the same.
    const k = kpisOf(totalOf(data.opinionStats));
    expect(k.responseRate).toBeGreaterThan(0.85);
    expect(k.onTimeRate).toBeGreaterThan(0.8);
    expect(k.satisfactionRate).toBeGreaterThan(0.8);
    expect(k.resolutionRate).toBeGreaterThan(0.4);
    // And the most recent items are still waiting for their first steps.
    const lastDays = opinions.filter((o) => Date.parse(o.submittedAt) > NOW.getTime() - 3 * 86_400_000);
    expect(lastDays.some((o) => o.facts.status === 'SUBMITTED')).toBe(true);
    expect(lastDays.some((o) => o.facts.status === 'ACCEPTED' || o.facts.status === 'ASSIGNED')).toBe(true);
  });

  it('merges near-duplicates into an earlier case about the same thing in the same township', () => {
    const byCode = new Map(opinions.map((o) => [o.trackingCode, o]));
    const merged = opinions.filter((o) => o.facts.status === 'MERGED');
    let samePlace = 0;
    for (const o of merged) {
      const target = byCode.get(o.mergedIntoTrackingCode!)!;
      expect(target.submittedAt < o.submittedAt).toBe(true);
      expect(Date.parse(o.submittedAt) - Date.parse(target.submittedAt)).toBeLessThan(5 * 86_400_000);
      expect(['REJECTED', 'MERGED', 'CONVERTED']).not.toContain(target.facts.status);
      expect(o.events.at(-1)!.publicNote).toContain(target.trackingCode);
      // The same complaint about the same place: where both gave a place, it is the same one.
      if (o.address && target.address) {
        expect(o.address).toBe(target.address);
        samePlace += 1;
      }
    }
    expect(samePlace).toBeGreaterThan(merged.length / 2);
    expect(opinions.filter((o) => o.mergedIntoTrackingCode !== null)).toHaveLength(merged.length);
  });

  it('routes to a unit that handles the category in the jurisdiction or the nearest one above', () => {
    const units = new Map(data.units.map((u) => [u.code, u]));
    for (const o of opinions) {
      for (const e of o.events.filter((x) => x.action === 'assign')) {
        const unit = units.get(e.unitCode!)!;
        expect(
          isWithin(o.jurisdictionCode, unit.jurisdictionCode),
          `${unit.name} for ${o.jurisdictionCode}`,
        ).toBe(true);
        expect(unit.categories).toContain(o.facts.category_code);
      }
    }
    const used = new Set(opinions.map((o) => o.unitCode).filter((u) => u !== null));
    expect(used.size).toBeGreaterThan(25);
    for (const key of ['U-339900-fy', 'U-339900-jcy', 'U-339900-water', 'U-339900-power', 'U-339900-zjj'])
      expect(used.has(key), key).toBe(true);
  });

  it('reaches stations, grids and representatives that exist, in their jurisdictions', () => {
    const stations = new Map(data.stations.map((s) => [s.code, s]));
    const grids = new Map(data.grids.map((g) => [g.code, g]));
    const reps = new Map(data.representatives.map((r) => [r.code, r]));
    for (const o of opinions) {
      if (o.gridCode) {
        const g = grids.get(o.gridCode)!;
        expect(o.jurisdictionCode).toBe(g.jurisdictionCode);
        if (o.representativeCode) expect(g.memberCodes).toContain(o.representativeCode);
      } else if (o.stationCode) {
        expect(o.jurisdictionCode).toBe(stations.get(o.stationCode)!.jurisdictionCode);
        if (o.representativeCode)
          expect(stations.get(o.stationCode)!.memberCodes).toContain(o.representativeCode);
      } else if (o.representativeCode && o.channel === 'qr') {
        expect(o.jurisdictionCode).toBe(reps.get(o.representativeCode)!.jurisdictionCode);
      }
      if (o.representativeCode) expect(reps.get(o.representativeCode)!.status).toBe('active');
    }
  });

  it('spreads the year as offices see it: busy spring and autumn, quiet 春节 and 国庆, busy weekdays', () => {
    const byMonth = countDemoData(data).opinions.byMonth;
    const avg = (months: string[]) => months.reduce((n, m) => n + (byMonth[m] ?? 0), 0) / months.length;
    expect(avg(['2026-03', '2026-04', '2026-09'])).toBeGreaterThan(avg(['2026-02']) * 1.6);
    expect(avg(['2026-03', '2026-04', '2026-09'])).toBeGreaterThan(avg(['2026-10']) * 1.2);
    const working = opinions.filter((o) => isWorkingDay(cal, beijingDateOf(new Date(o.submittedAt)))).length;
    expect(share(working)).toBeGreaterThan(0.85);
    for (const c of CHANNELS)
      expect(
        count((o) => o.channel === c),
        c,
      ).toBeGreaterThan(100);
    expect(share(count((o) => o.channel === 'qr'))).toBeGreaterThan(0.3);
    // QR messages come at every hour people are awake, evenings included.
    const hours = new Set(
      opinions.filter((o) => o.channel === 'qr').map((o) => (new Date(o.submittedAt).getUTCHours() + 8) % 24),
    );
    for (const h of [7, 8, 12, 19, 20, 21]) expect(hours.has(h), `${h}h`).toBe(true);
  });

  it('registers reception-day items on the station’s reception days, within its reception hours', () => {
    const stations = new Map(data.stations.map((s) => [s.code, s]));
    const reception = opinions.filter((o) => o.channel === 'reception');
    expect(reception.length).toBeGreaterThan(400);
    const from = dateOfDay(dayOf(NOW) - 366);
    for (const o of reception) {
      const s = stations.get(o.stationCode!)!;
      const date = beijingDateOf(new Date(o.submittedAt));
      expect(nextReceptionDates(s.receptionRule, from, 60), `${s.code} ${date}`).toContain(date);
      const minutes =
        ((new Date(o.submittedAt).getUTCHours() + 8) % 24) * 60 + new Date(o.submittedAt).getUTCMinutes();
      const [h1, m1] = s.receptionStart.split(':').map(Number) as [number, number];
      const [h2, m2] = s.receptionEnd.split(':').map(Number) as [number, number];
      expect(minutes >= h1 * 60 + m1 && minutes <= h2 * 60 + m2).toBe(true);
      expect(o.registeredByUsername).toBe(s.officerUsername);
    }
  });

  it('has natural submitters: about a fifth anonymous, a tenth enterprises, two fifths consenting to publication', () => {
    expect(share(count((o) => o.anonymous))).toBeGreaterThan(0.15);
    expect(share(count((o) => o.anonymous))).toBeLessThan(0.25);
    expect(share(count((o) => o.submitterKind === 'enterprise'))).toBeGreaterThan(0.06);
    expect(share(count((o) => o.submitterKind === 'enterprise'))).toBeLessThan(0.14);
    expect(share(count((o) => o.consentPublish))).toBeGreaterThan(0.35);
    expect(share(count((o) => o.consentPublish))).toBeLessThan(0.45);
    const reps = new Set(data.representatives.map((r) => r.name));
    for (const o of opinions) {
      if (o.anonymous) expect(o.submitterName).toBeNull();
      else expect(o.submitterName).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      if (o.submitterName) expect(reps.has(o.submitterName)).toBe(false);
      if (o.submitterPhone) expect(o.submitterPhone).toMatch(/^1[3-9]\d{9}$/);
    }
    const phones = opinions.map((o) => o.submitterPhone).filter((p) => p !== null);
    expect(new Set(phones).size).toBe(phones.length);
    const enterprises = opinions.filter((o) => o.submitterKind === 'enterprise');
    expect(enterprises.filter((o) => o.facts.category_code === 'business').length).toBeGreaterThan(
      enterprises.length / 2,
    );
  });

  it('publishes only with consent, only redacted', () => {
    const published = opinions.filter((o) => o.facts.status === 'PUBLISHED');
    for (const o of published) {
      expect(o.consentPublish).toBe(true);
      const text = `${o.facts.published_content}${o.facts.published_reply}`;
      if (o.submitterName) expect(text).not.toContain(o.submitterName);
      expect(text).not.toMatch(/\d+幢|\d+号|1[3-9]\d{9}|[\u4e00-\u9fff]+有限公司/);
      const unitReply = o.replies.at(-1)!;
      expect(text).not.toContain(unitReply.replierName!);
    }
    expect(opinions.filter((o) => o.facts.published_at !== null)).toHaveLength(published.length);
  });

  it('writes varied, concrete Chinese texts for every category', () => {
    for (const c of CATEGORY_CODES)
      expect(TOPICS.filter((t) => t.category === c).length, c).toBeGreaterThanOrEqual(4);
    const contents = opinions.map((o) => o.content);
    expect(new Set(contents).size / contents.length).toBeGreaterThan(0.85);
    const replies = opinions.flatMap((o) => o.replies.map((r) => r.content));
    expect(new Set(replies).size / replies.length).toBeGreaterThan(0.85);
    const all = opinions.flatMap((o) => [
      o.content,
      o.address ?? '',
      ...o.replies.map((r) => r.content),
      ...o.events.flatMap((e) => [e.publicNote ?? '', e.internalNote ?? '']),
    ]);
    for (const t of all) expect(t).not.toMatch(/undefined|NaN|null|\$\{|\[object/);
    for (const o of opinions) {
      for (const r of o.replies.filter((x) => x.kind === 'unit'))
        expect(r.content, r.content).toMatch(/8\d{7}/);
    }
    for (const c of CATEGORY_CODES)
      expect(
        count((o) => o.facts.category_code === c),
        c,
      ).toBeGreaterThan(120);
  });

  it('names the actors who act, with accounts of the right kind and level', () => {
    const accounts = new Map(data.accounts.map((a) => [a.username, a]));
    const units = new Map(data.units.map((u) => [u.code, u]));
    const stations = new Map(data.stations.map((s) => [s.code, s]));
    for (const o of opinions) {
      for (const e of o.events) {
        const a = e.actorUsername ? accounts.get(e.actorUsername) : null;
        if (e.actorUsername) expect(a, e.actorUsername).toBeDefined();
        switch (e.actorKind) {
          case 'system':
            expect(e.actorName).toBe('系统');
            break;
          case 'citizen':
            expect([e.actorUsername, e.actorName]).toEqual([null, null]);
            break;
          case 'staff':
            expect(a!.roles).toContain('congress_staff');
            expect(isWithin(o.jurisdictionCode, a!.jurisdictionCode)).toBe(true);
            break;
          case 'officer':
            expect(a!.roles).toEqual(['liaison_officer']);
            if (o.stationCode) expect(a!.username).toBe(stations.get(o.stationCode)!.officerUsername);
            break;
          case 'unit':
            expect(e.actorName).toBe(units.get(e.unitCode!)!.contactName);
            if (a) expect(a.unitCode).toBe(e.unitCode);
            break;
          case 'representative':
            if (a) expect(a.representativeCode).not.toBeNull();
            expect(e.actorName).toBeTruthy();
            break;
        }
      }
    }
  });

  it('fills the demo accounts’ inboxes with notices about their items', () => {
    const byCode = new Map(opinions.map((o) => [o.trackingCode, o]));
    const accounts = new Set(data.accounts.map((a) => a.username));
    for (const n of data.notifications) {
      expect(accounts.has(n.username)).toBe(true);
      // About one opinion, suggestion or activity (the other generators' tests check those).
      expect(
        [n.linkTrackingCode, n.linkSuggestionKey, n.linkActivityKey ?? null].filter((x) => x !== null),
      ).toHaveLength(1);
      if (n.linkTrackingCode !== null) expect(byCode.has(n.linkTrackingCode)).toBe(true);
      expect(n.createdAt <= nowIso).toBe(true);
      if (n.readAt) expect(n.readAt >= n.createdAt && n.readAt <= nowIso).toBe(true);
    }
    const unread = (user: string, kind?: string) =>
      data.notifications.filter(
        (n) => n.username === user && n.readAt === null && (!kind || n.kind === kind),
      );
    expect(unread('unit.zjj', 'opinion.assigned').length).toBeGreaterThan(0);
    for (const n of unread('unit.zjj', 'opinion.assigned'))
      expect(byCode.get(n.linkTrackingCode!)!.facts.status).toBe('ASSIGNED');
    const staff = data.accounts.filter((a) => a.roles.includes('congress_staff')).map((a) => a.username);
    const decisions = staff.flatMap((u) => [
      ...unread(u, 'opinion.return_requested'),
      ...unread(u, 'opinion.extension_requested'),
    ]);
    expect(decisions.length).toBeGreaterThan(0);
    for (const n of decisions)
      expect(['RETURN_REQUESTED', 'EXTENSION_REQUESTED']).toContain(
        byCode.get(n.linkTrackingCode!)!.facts.status,
      );
    expect(unread('officer.hubin').length + unread('staff').length).toBeGreaterThan(0);
  });
});

describe('the working-day table', () => {
  it('agrees with working-days.ts', () => {
    const first = dayOfDate('2025-01-01');
    const days = new WorkingDays(cal, first, dayOfDate('2027-06-30'));
    for (let d = first; d < dayOfDate('2027-03-01'); d += 3) {
      const start = instantOf(d, 10 * 60);
      for (const n of [1, 2, 5, 15, 25]) {
        expect(dateOfDay(days.after(d, n))).toBe(addWorkingDays(cal, start, n).dueDate);
        expect(days.deadline(start, n)).toEqual(addWorkingDays(cal, start, n));
      }
      expect(days.isWorking(d)).toBe(isWorkingDay(cal, dateOfDay(d)));
      const to = instantOf(d + (d % 40), 9 * 60);
      expect(days.between(start, to)).toBe(workingDaysBetween(cal, start, to));
      expect(days.between(to, start)).toBe(workingDaysBetween(cal, to, start));
    }
    // Outside the table it asks the library.
    const outside = instantOf(dayOfDate('2028-01-05'), 600);
    expect(dateOfDay(days.after(dayOf(outside), 3))).toBe(addWorkingDays(cal, outside, 3).dueDate);
  });
});
