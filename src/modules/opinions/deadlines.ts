/**
 * Which deadlines of an item have passed, and whether the reply is due soon (临期), computed from
 * the deadlines and the clock (the scheduler's flags lag by up to a minute; views never do).
 * The list filters (opinions.read.repo.ts) and the scheduler (opinions.jobs.ts) use the same states.
 */
import type { OpinionState } from './opinions.vocab.ts';

/** States in which the unit owes a reply against reply_due. */
export const REPLY_PENDING: readonly OpinionState[] = [
  'ASSIGNED',
  'SIGNED',
  'REHANDLING',
  'EXTENSION_REQUESTED',
  'RETURN_REQUESTED',
];

export interface DeadlineFacts {
  status: string;
  ack_due: string;
  ack_at: string | null;
  sign_due: string | null;
  signed_at: string | null;
  reply_due: string | null;
  reply_due_provisional: number;
  feedback_due: string | null;
}

export interface DeadlinesView {
  ackDue: string;
  signDue: string | null;
  replyDue: string | null;
  replyDueProvisional: boolean;
  feedbackDue: string | null;
  overdue: { ack: boolean; sign: boolean; reply: boolean };
  dueSoon: boolean;
}

const passed = (due: string | null, now: number) => due !== null && Date.parse(due) < now;

/** `dueSoonBy`: the instant `dueSoonWorkingDays` working days from now. */
export function deadlinesOf(o: DeadlineFacts, now: Date, dueSoonBy: Date): DeadlinesView {
  const t = now.getTime();
  const replyPending = REPLY_PENDING.includes(o.status as OpinionState);
  const replyOverdue = replyPending && passed(o.reply_due, t);
  return {
    ackDue: o.ack_due,
    signDue: o.sign_due,
    replyDue: o.reply_due,
    replyDueProvisional: o.reply_due_provisional === 1,
    feedbackDue: o.feedback_due,
    overdue: {
      ack: o.ack_at === null && o.status === 'SUBMITTED' && passed(o.ack_due, t),
      sign: o.signed_at === null && o.status === 'ASSIGNED' && passed(o.sign_due, t),
      reply: replyOverdue,
    },
    dueSoon:
      replyPending && !replyOverdue && o.reply_due !== null && Date.parse(o.reply_due) <= dueSoonBy.getTime(),
  };
}
