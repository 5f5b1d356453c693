/** How scores read: points with at most one decimal, a colour and a label per part. */
import type { ScoreCategory } from '../../../../src/modules/performance/performance.domain.ts';
import type { Translate } from '../../i18n/I18nProvider.tsx';
import type { StringKey } from '../../i18n/strings.ts';

export const CATEGORY_COLOR: Record<ScoreCategory, string> = {
  participation: '#1f4e8c',
  suggestions: '#c77700',
  solving: '#2e7d32',
};

export const CATEGORY_LABEL: Record<ScoreCategory, StringKey> = {
  participation: 'perf.cat.participation',
  suggestions: 'perf.cat.suggestions',
  solving: 'perf.cat.solving',
};

/** The rule a line of points was earned under (the server words it in Chinese; scores.service.ts). */
const RULE_LABEL: Record<string, StringKey> = {
  'activity.reception': 'perf.rule.reception',
  'activity.research': 'perf.rule.research',
  'activity.inspection': 'perf.rule.inspection',
  'activity.other': 'perf.rule.other',
  'activity.host': 'perf.rule.host',
  absence: 'perf.rule.absence',
  'suggestion.lead': 'perf.rule.lead',
  'suggestion.cosign': 'perf.rule.cosign',
  'suggestion.key': 'perf.rule.key',
  'suggestion.excellent': 'perf.rule.excellent',
  'opinion.satisfied': 'perf.rule.satisfied',
  'opinion.basically_satisfied': 'perf.rule.basicallySatisfied',
  'opinion.unsatisfied': 'perf.rule.unsatisfied',
};

/** A line's rule in the console's language, or as the server gave it for a rule not known here. */
export const ruleLabel = (t: Translate, rule: string, fallback: string) => {
  const key = RULE_LABEL[rule];
  return key ? t(key) : fallback;
};

/** 12 → "12", 12.345 → "12.3", −1 → "−1" (a real minus sign). */
export function fmtPoints(points: number): string {
  const rounded = Math.round(points * 10) / 10;
  const text = Number.isInteger(rounded) ? String(Math.abs(rounded)) : Math.abs(rounded).toFixed(1);
  return rounded < 0 ? `−${text}` : text;
}

/** "+3", "−1" for a line of the score card. */
export const signedPoints = (points: number) => (points > 0 ? `+${fmtPoints(points)}` : fmtPoints(points));
