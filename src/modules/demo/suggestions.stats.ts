/**
 * What the demo's suggestions amount to, for the seeding report and the audit row: cases by state,
 * kind, congress and period, replies by class, and the records around them.
 */
import type { DemoNotification } from './demo.types.ts';
import type { DemoCaseCounter, DemoSuggestion } from './suggestions.types.ts';

export interface SuggestionCounts {
  total: number;
  byState: Record<string, number>;
  byKind: Record<string, number>;
  byCongress: Record<string, number>;
  byPeriod: Record<string, number>;
  /** The class of each case's latest reply. */
  byReplyClass: Record<string, number>;
  keySupervision: number;
  rehandled: number;
  published: number;
  counters: number;
  events: number;
  replies: number;
  contacts: number;
  commitments: Record<string, number>;
  opinionLinks: number;
  notifications: number;
}

function tally(keys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

export function countSuggestions(
  suggestions: readonly DemoSuggestion[],
  counters: readonly DemoCaseCounter[],
  notifications: readonly DemoNotification[],
): SuggestionCounts {
  const sum = (f: (s: DemoSuggestion) => number) => suggestions.reduce((n, s) => n + f(s), 0);
  return {
    total: suggestions.length,
    byState: tally(suggestions.map((s) => s.facts.status)),
    byKind: tally(suggestions.map((s) => s.facts.kind)),
    byCongress: tally(suggestions.map((s) => s.congressCode)),
    byPeriod: tally(suggestions.map((s) => s.facts.period)),
    byReplyClass: tally(suggestions.flatMap((s) => (s.facts.reply_class ? [s.facts.reply_class] : []))),
    keySupervision: suggestions.filter((s) => s.facts.key_supervision === 1).length,
    rehandled: suggestions.filter((s) => s.facts.rehandle_rounds > 0).length,
    published: suggestions.filter((s) => s.facts.published_at !== null).length,
    counters: counters.length,
    events: sum((s) => s.events.length),
    replies: sum((s) => s.replies.length),
    contacts: sum((s) => s.contacts.length),
    commitments: tally(suggestions.flatMap((s) => s.commitments.map((c) => c.status))),
    opinionLinks: sum((s) => s.opinionTrackingCodes.length),
    notifications: notifications.filter((n) => n.linkSuggestionKey !== null).length,
  };
}
