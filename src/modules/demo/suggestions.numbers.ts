/**
 * The numbers given once every case is known: case numbers (第N号), gap-free per congress,
 * session (or year between sessions) and kind in the order of registration, as the counter of
 * suggestions.repo.ts `nextCaseNumber` gives them, with the counters' last numbers; and the
 * document numbers of the units' reply letters (清建函〔2026〕37号), rising through each unit's year.
 */
import type { DemoUnit } from './demo.types.ts';
import type { Geography } from './jurisdictions.ts';
import type { Random } from './random.ts';
import type { DemoCaseCounter, DemoSuggestion } from './suggestions.types.ts';

/** Number the registered cases and return the counters (suggestion_case_counter). */
export function numberCases(suggestions: readonly DemoSuggestion[]): DemoCaseCounter[] {
  const groups = new Map<string, DemoSuggestion[]>();
  for (const s of suggestions) {
    if (s.facts.registered_at === null) continue;
    const key = `${s.congressCode}|${s.facts.session_key}|${s.facts.kind}`;
    const list = groups.get(key) ?? [];
    list.push(s);
    groups.set(key, list);
  }
  const counters: DemoCaseCounter[] = [];
  for (const list of groups.values()) {
    // Stable: cases registered in the same instant keep the order they were generated in.
    list.sort((a, b) =>
      a.facts.registered_at! < b.facts.registered_at!
        ? -1
        : a.facts.registered_at! > b.facts.registered_at!
          ? 1
          : 0,
    );
    list.forEach((s, i) => (s.facts.case_number = i + 1));
    const first = list[0]!;
    counters.push({
      congressCode: first.congressCode,
      sessionKey: first.facts.session_key,
      kind: first.facts.kind,
      lastNumber: list.length,
    });
  }
  return counters.sort((a, b) =>
    `${a.congressCode}|${a.sessionKey}|${a.kind}` < `${b.congressCode}|${b.sessionKey}|${b.kind}` ? -1 : 1,
  );
}

const ABBREVIATIONS: Record<string, string> = {
  zjj: '建',
  jtj: '交',
  sthjj: '环',
  jyj: '教',
  wjw: '卫健',
  rsj: '人社',
  swj: '商务',
  nyj: '农',
  zfj: '执法',
  gaj: '公',
  mzj: '民',
  water: '水务',
  power: '供电',
  fy: '法',
  jcy: '检',
  gov: '政办',
};

/** How a unit's letters are numbered: 清建函, 东执法函, 湖滨街函, 溪口镇函. */
export function documentPrefix(unit: DemoUnit, geo: Geography): string {
  const key = unit.code.split('-')[2];
  const j = geo.get(unit.jurisdictionCode);
  if (key === undefined)
    return `${j.name.replace(/(街道|镇|乡)$/, '')}${j.name.endsWith('街道') ? '街' : '镇'}函`;
  const abbr = ABBREVIATIONS[key] ?? key;
  return j.level === 'city' ? `清${abbr}函` : `${j.name.slice(0, 1)}${abbr}函`;
}

/** Give every reply its document number, in order through each unit's year, and name it in the reply's event. */
export function numberReplies(
  suggestions: readonly DemoSuggestion[],
  units: ReadonlyMap<string, DemoUnit>,
  geo: Geography,
  r: Random,
): void {
  const all = suggestions.flatMap((s) => s.replies.map((reply, i) => ({ s, reply, i })));
  all.sort((a, b) =>
    a.reply.repliedAt < b.reply.repliedAt ? -1 : a.reply.repliedAt > b.reply.repliedAt ? 1 : 0,
  );
  const next = new Map<string, number>();
  for (const { reply } of all) {
    const year = reply.repliedAt.slice(0, 4);
    const key = `${reply.unitCode}|${year}`;
    const n = (next.get(key) ?? r.int(2, 14)) + r.int(1, 3);
    next.set(key, n);
    reply.documentNumber = `${documentPrefix(units.get(reply.unitCode)!, geo)}〔${year}〕${n}号`;
  }
  for (const s of suggestions) {
    const events = s.events.filter((e) => e.action === 'reply');
    events.forEach((e, i) => (e.note = `${e.note ?? ''}${s.replies[i]!.documentNumber}`));
  }
}
