/**
 * Before a case is screened: the lead drafts it (autosaved, sometimes first without its
 * proposals), invites co-signers of the same congress — mostly of the same delegation or
 * township — who accept, decline or let the invitation lapse, and hands it in; or the staff file
 * a paper suggestion handed in at a session (no co-signers: the engine files those at once); or a
 * draft starts from a citizen's opinion. A motion goes in only once enough co-signers accepted.
 */
import type { SuggestionKind } from '../suggestions/suggestions.vocab.ts';
import type { DemoCongress, DemoRepresentative } from './demo.types.ts';
import { citizenMoment } from './opinions.time.ts';
import type { Random } from './random.ts';
import type { Person, SuggestionCast } from './suggestions.cast.ts';
import type { SuggestionSimulation } from './suggestions.steps.ts';

export interface CaseText {
  title: string;
  category: string;
  background: string;
  proposals: string;
  basis: string | null;
}

export interface Intake {
  createdAt: Date;
  how: 'create' | 'create_submitted' | 'from_opinion';
  creator: Person;
  byStaff: boolean;
  /** Autosaves before submission; the first version lacks the proposals when there are any. */
  edits: Date[];
  invite: { at: Date; answers: { code: string; accept: boolean | null; at: Date }[] } | null;
  /** Null: it stays a draft. */
  submitAt: Date | null;
}

/** Co-signers serving on the congress, mostly from the lead's own delegation or township. */
export function pickCosigners(
  r: Random,
  people: SuggestionCast,
  congress: DemoCongress,
  lead: DemoRepresentative,
  date: string,
  n: number,
  exclude: ReadonlySet<string> = new Set(),
): string[] {
  const pool = people
    .serving(congress.code, date)
    .filter((x) => x.code !== lead.code && !exclude.has(x.code));
  const group = people.groupOf(lead.code, congress.code);
  const near = pool.filter((x) => people.groupOf(x.code, congress.code) === group);
  const far = pool.filter((x) => people.groupOf(x.code, congress.code) !== group);
  const fromNear = Math.min(near.length, Math.round(n * 0.75));
  const chosen = [...r.sample(near, fromNear), ...r.sample(far, n - fromNear)];
  // Where the delegation is the whole congress (a town's), the rest come from it too.
  const rest = near.filter((x) => !chosen.includes(x));
  return [...chosen, ...r.sample(rest, n - chosen.length)].map((x) => x.code);
}

/** How many co-signers a suggestion has: none for a quarter, a few for most, up to six. */
export function cosignerCount(r: Random, kind: SuggestionKind, min: number): number {
  if (kind === 'motion') return min + r.int(1, 4);
  return r.weighted([
    [0, 15],
    [1, 18],
    [2, 17],
    [3, 14],
    [4, 11],
    [5, 8],
    [6, 7],
  ] as const);
}

/** Invitations and their answers, between the draft and the submission; a motion's all accepted in time. */
export function inviteAnswers(
  r: Random,
  codes: readonly string[],
  from: Date,
  by: Date,
  motion: boolean,
): { at: Date; answers: { code: string; accept: boolean | null; at: Date }[] } {
  const at = citizenMoment(
    r,
    from,
    r.weighted([
      [0, 5],
      [1, 3],
      [2, 2],
    ] as const),
  );
  const answers = codes.map((code) => {
    const accept = motion
      ? r.chance(0.95)
        ? true
        : false
      : r.weighted<boolean | null>([
          [true, 85],
          [false, 5],
          [null, 10],
        ]);
    let when = citizenMoment(
      r,
      at,
      r.weighted([
        [0, 4],
        [1, 3],
        [2, 2],
        [4, 1],
      ] as const),
    );
    if (motion && when.getTime() >= by.getTime()) when = new Date(at.getTime() + r.int(10, 120) * 60_000);
    return { code, accept, at: when };
  });
  return { at, answers };
}

/**
 * The intake, in time order, over the simulation. Returns true when the case was handed in (or
 * filed at once); false when it rests as a draft or the story reached the present.
 */
export function runIntake(
  sim: SuggestionSimulation,
  people: SuggestionCast,
  lead: Person,
  intake: Intake,
  text: CaseText,
): boolean {
  if (intake.how === 'create_submitted') return true;
  const moves: { at: Date; run: () => boolean }[] = [];
  intake.edits.forEach((at, i) =>
    moves.push({
      at,
      run: () =>
        sim.edit(
          at,
          i === intake.edits.length - 1
            ? {
                title: text.title,
                category_code: text.category,
                background: text.background,
                proposals: text.proposals,
                basis: text.basis,
              }
            : { title: text.title },
        ),
    }),
  );
  const submit = intake.submitAt;
  if (intake.invite && (submit === null || intake.invite.at.getTime() < submit.getTime())) {
    const inv = intake.invite;
    moves.push({
      at: inv.at,
      run: () =>
        sim.invite(
          inv.at,
          lead,
          inv.answers.map((a) => a.code),
        ),
    });
    for (const a of inv.answers) {
      if (a.accept === null || (submit && a.at.getTime() >= submit.getTime())) continue;
      const who = people.person(people.representative(a.code));
      const accept = a.accept;
      moves.push({ at: a.at, run: () => sim.answer(a.at, a.code, who, accept) });
    }
  }
  moves.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const m of moves) if (!m.run()) return false;
  if (submit === null) {
    sim.finish();
    return false;
  }
  return sim.submit(submit, lead);
}
