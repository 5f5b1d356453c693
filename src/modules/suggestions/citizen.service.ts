/**
 * What a citizen sees of the suggestion their opinion became (转为代表建议), on their tracking page:
 * its case number once registered, where it stands, and the answer once the unit has replied —
 * the published text when the staff published it, else the reply as sent. Nothing about people.
 */
import type { AppContext } from '../../platform/context.ts';
import * as repo from './suggestions.repo.ts';
import {
  REPLY_CLASS_LABELS,
  SUGGESTION_STATE_LABELS,
  type ReplyClass,
  type SuggestionState,
} from './suggestions.vocab.ts';

const ANSWERED: readonly string[] = [
  'REPLIED',
  'EVALUATED',
  'REHANDLING',
  'ESCALATED',
  'CLOSED',
  'PUBLISHED',
];

export interface CitizenSuggestionView {
  caseLabel: string | null;
  title: string;
  status: string;
  statusLabel: string;
  reply: { replyClass: string; replyClassLabel: string; body: string; unit: string; at: string } | null;
}

/** The suggestion an opinion's `converted_ref` ('suggestion:<id>') points at, or null. */
export async function suggestionForCitizen(
  ctx: AppContext,
  ref: string | null,
): Promise<CitizenSuggestionView | null> {
  const m = ref ? /^suggestion:(\d+)$/.exec(ref) : null;
  if (!m) return null;
  const db = ctx.database.db;
  const s = await repo.findSuggestion(db, Number(m[1]), null);
  if (!s) return null;
  // A merged case answers through the case it was merged into.
  const r =
    s.row.merged_into_id !== null
      ? ((await repo.findSuggestion(db, s.row.merged_into_id, null))?.row ?? s.row)
      : s.row;
  const status = r.status as SuggestionState;
  let reply: CitizenSuggestionView['reply'] = null;
  if (ANSWERED.includes(status)) {
    const current = await repo.currentReply(db, r.id);
    if (current) {
      reply = {
        replyClass: current.reply_class,
        replyClassLabel: REPLY_CLASS_LABELS[current.reply_class as ReplyClass].zh,
        body: r.published_reply ?? current.body,
        unit: (await repo.unitName(db, current.unit_id)) ?? '',
        at: current.replied_at,
      };
    }
  }
  return {
    caseLabel: r.case_number !== null ? `第${r.case_number}号` : null,
    title: r.published_title ?? r.title,
    status,
    statusLabel: SUGGESTION_STATE_LABELS[status].zh,
    reply,
  };
}
