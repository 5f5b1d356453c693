/**
 * A year of representatives' duty performance (履职, DESIGN.md §4.3) for the demo, from its own
 * random stream ('activities'), after the organisation, the opinions and the suggestions — which it
 * reads and never changes. First the year is laid out (activities.skeleton.ts): reception days from
 * the stations' rules (activities.receptions.ts), the congresses', groups' and stations' programmes
 * (activities.programme.ts) and what the demo log-ins should find (activities.accounts.ts). Then it
 * is played in order of time: each invited representative signs up, asks for leave, is decided,
 * checks in or not (activities.people.ts) — present at one place at a time — and the organisers
 * write minutes, link reports and the suggestions formed, cancel one activity and delete a copy.
 * Keys follow the order the activities were entered in, as database ids do. Last, what the staff
 * did with the year's records — the monthly disclosures and the honours — is planned
 * (performance.history.ts) for the seeding to carry out through the real services.
 */
import type { Geography } from './jurisdictions.ts';
import { AccountsDesk } from './activities.accounts.ts';
import { buildActivityNotifications } from './activities.notifications.ts';
import { drawPlan, participate, type Plan } from './activities.people.ts';
import { deviceLine } from './activities.phrases.ts';
import { Programme } from './activities.programme.ts';
import { buildReceptionDays } from './activities.receptions.ts';
import type { Outcome, Skeleton } from './activities.skeleton.ts';
import type { DemoActivity, DemoActivityOutput } from './activities.types.ts';
import { World, type WorldData } from './activities.world.ts';
import type { DemoNotification } from './demo.types.ts';
import type { Random } from './random.ts';
import { buildScores, type ScoreOutputs } from './scores.generate.ts';
import { buildHistory } from './performance.history.ts';
import type { DemoPerformanceHistory } from './activities.types.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface ActivityInputs {
  rng: Random;
  geo: Geography;
  data: WorldData;
  now: Date;
}

export interface ActivityOutputs extends ScoreOutputs {
  activities: DemoActivity[];
  notifications: DemoNotification[];
  performanceHistory: DemoPerformanceHistory;
}

export function buildActivities({ rng, geo, data, now }: ActivityInputs): ActivityOutputs {
  const w = new World(geo, data, now);
  const all: Skeleton[] = buildReceptionDays(rng.fork('receptions'), w);
  const programme = new Programme(rng.fork('programme'), w, all);
  programme.build();
  new AccountsDesk(rng.fork('accounts'), w, programme, all).apply();
  const activities = play(rng.fork('people'), w, all);
  return {
    activities,
    ...buildScores(rng.fork('scores'), w, activities),
    notifications: buildActivityNotifications(w, activities),
    performanceHistory: buildHistory(rng.fork('history'), w, activities),
  };
}

/** The order the activities were entered in: creation, then start, then title. */
const byCreation = (a: Skeleton, b: Skeleton) =>
  a.createdAt.localeCompare(b.createdAt) ||
  a.startsAt.localeCompare(b.startsAt) ||
  a.title.localeCompare(b.title);

function play(r: Random, w: World, all: Skeleton[]): DemoActivity[] {
  const ordered = [...all].sort(byCreation);
  const keys = new Map(ordered.map((sk, i) => [sk, `ACT-${String(i + 1).padStart(5, '0')}`]));
  const devices = new Map<string, string>();
  const deviceOf = (code: string) => {
    let d = devices.get(code);
    if (d === undefined) devices.set(code, (d = deviceLine(r.fork(`device/${code}`))));
    return d;
  };
  // Where each representative was, so nobody is present at two activities at once.
  const present = new Map<string, { start: number; end: number; title: string }[]>();
  const nowMs = w.now.getTime();
  const played = new Map<Skeleton, DemoActivity>();

  for (const sk of [...all].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || byCreation(a, b))) {
    const start = Date.parse(sk.startsAt);
    const end = Date.parse(sk.endsAt);
    const until = new Date(sk.close ? Math.min(nowMs, Date.parse(sk.close.at)) : nowMs);
    const participants = sk.invitees.map((inv) => {
      let plan: Plan = inv.plan ?? drawPlan(r, sk.habits);
      const busy = (present.get(inv.code) ?? []).find((x) => x.start < end && start < x.end);
      if (busy && !inv.plan && plan.attend !== 'none' && plan.leave !== 'approved') {
        plan = {
          signUp: false,
          leave: 'approved',
          attend: 'none',
          reason: `同一时间参加“${busy.title.slice(0, 40)}”`,
        };
      }
      const p = participate(
        r,
        {
          startsAt: sk.startsAt,
          endsAt: sk.endsAt,
          invitedAt: inv.invitedAt,
          until,
          manager: sk.manager,
          office: (ms) => w.office(r, ms),
        },
        { code: inv.code, role: inv.role, device: deviceOf(inv.code) },
        plan,
      );
      if (p.attendance === 'present') {
        const list = present.get(inv.code) ?? [];
        list.push({ start, end, title: sk.title });
        present.set(inv.code, list);
      }
      return p;
    });

    let version = 1;
    let updatedAt = sk.createdAt;
    const live = !sk.close;
    let minutes: string | null = null;
    if (live && sk.minutes && end + HOUR < nowMs) {
      const outcome: Outcome = {
        invited: participants.length,
        present: participants.filter((p) => p.attendance === 'present').length,
        onLeave: participants.filter((p) => p.status === 'leave_approved').length,
        hosts: participants
          .filter((p) => p.role === 'host')
          .map((p) => w.reps.get(p.representativeCode)!.name),
        participants,
      };
      const text = sk.minutes(outcome);
      const at = Math.floor(w.office(r, end + r.int(2 * 60, 3 * 24 * 60) * MINUTE) / MINUTE) * MINUTE;
      if (text !== null && at < nowMs) {
        minutes = text;
        version += 1;
        updatedAt = new Date(at).toISOString();
      }
    }
    const outputs: DemoActivityOutput[] = [];
    if (live && sk.report) {
      const at =
        Math.floor(w.office(r, end + r.int(3, 20) * DAY + r.int(0, 8 * 60) * MINUTE) / MINUTE) * MINUTE;
      if (at < nowMs)
        outputs.push({
          kind: 'report',
          suggestionKey: null,
          title: sk.report,
          createdByUsername: sk.manager,
          createdAt: new Date(at).toISOString(),
        });
    }
    for (const f of live ? (sk.formed ?? []) : []) {
      outputs.push({
        kind: 'suggestion',
        suggestionKey: f.key,
        title: null,
        createdByUsername: sk.manager,
        createdAt: f.at,
      });
    }
    outputs.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    if (sk.close) {
      version += 1;
      updatedAt = sk.close.at;
    }
    played.set(sk, {
      key: keys.get(sk)!,
      typeCode: sk.typeCode,
      title: sk.title.slice(0, 200),
      organiser: sk.organiser,
      congressCode: sk.congressCode,
      stationCode: sk.stationCode,
      groupCode: sk.groupCode,
      jurisdictionCode: sk.jurisdictionCode,
      startsAt: sk.startsAt,
      endsAt: sk.endsAt,
      place: sk.place,
      agenda: sk.agenda,
      status: sk.close ? sk.close.to : 'planned',
      minutes,
      ruleDate: sk.ruleDate,
      createdByUsername: sk.createdByUsername,
      deletedAt: sk.close?.to === 'deleted' ? sk.close.at : null,
      deletedReason: sk.close?.to === 'deleted' ? sk.close.reason : null,
      closedAt: sk.close?.at ?? null,
      closedByUsername: sk.close?.by ?? null,
      closeReason: sk.close?.reason ?? null,
      version,
      createdAt: sk.createdAt,
      updatedAt,
      participants: participants.sort(
        (a, b) => w.rank.get(a.representativeCode)! - w.rank.get(b.representativeCode)!,
      ),
      outputs,
    });
  }
  return ordered.map((sk) => played.get(sk)!);
}
