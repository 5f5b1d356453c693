import { describe, expect, it } from 'vitest';
import {
  checkRules,
  DEFAULT_RULES,
  describeRules,
  monthsUpTo,
  scoreCard,
  type Participation,
  type RepresentativeRecords,
  type ScoreRules,
} from './performance.domain.ts';

const NOW = new Date('2026-04-15T00:00:00.000Z');
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04'];

let nextId = 1;
function p(over: Partial<Participation>): Participation {
  return {
    activityId: nextId++,
    typeCode: 'reception',
    kind: 'reception',
    role: 'participant',
    status: 'signed_up',
    attendance: 'present',
    startsAt: '2026-03-17T01:00:00.000Z',
    endsAt: '2026-03-17T03:00:00.000Z',
    live: true,
    month: '2026-03',
    ...over,
  };
}
const none: RepresentativeRecords = { participations: [], suggestions: [], opinions: [] };

describe('the score card', () => {
  it('gives points per attended activity by kind, or by type when the type has its own, and a host bonus', () => {
    const rules: ScoreRules = {
      ...DEFAULT_RULES,
      activity: { ...DEFAULT_RULES.activity, byType: { lecture: 4 } },
    };
    const card = scoreCard(
      rules,
      {
        ...none,
        participations: [
          p({ activityId: 101, kind: 'reception' }),
          p({ activityId: 102, kind: 'research', typeCode: 'research' }),
          p({ activityId: 103, kind: 'inspection', typeCode: 'law_check', role: 'host' }),
          p({ activityId: 104, kind: 'other', typeCode: 'training' }),
          p({ activityId: 105, kind: 'other', typeCode: 'lecture' }),
        ],
      },
      NOW,
      MONTHS,
    );
    expect(card.lines.map((l) => [l.sourceId, l.rule, l.centi])).toEqual([
      [101, 'activity.reception', 200],
      [102, 'activity.research', 300],
      [103, 'activity.inspection', 300],
      [103, 'activity.host', 100],
      [104, 'activity.other', 100],
      [105, 'activity.other', 400],
    ]);
    expect(card.raw.participation).toBe(1400);
  });

  it('takes off a point per half day of unexcused absence, and nothing for documented leave, cancelled or future activities, or while check-in is open', () => {
    const card = scoreCard(
      DEFAULT_RULES,
      {
        ...none,
        participations: [
          p({ activityId: 201, attendance: null }), // 2 hours, passed: 1 half day
          p({ activityId: 202, attendance: 'absent', endsAt: '2026-03-17T09:00:00.000Z' }), // 8 hours: 2
          p({ activityId: 203, attendance: null, status: 'leave_approved' }),
          p({ activityId: 204, attendance: null, live: false }),
          p({
            activityId: 205,
            attendance: null,
            startsAt: '2026-05-01T01:00:00.000Z',
            endsAt: '2026-05-01T03:00:00.000Z',
          }),
          p({ activityId: 206, attendance: null, status: 'leave_refused' }),
          // Ended ten minutes ago: check-in is open for another twenty, so not yet an absence.
          p({
            activityId: 207,
            attendance: null,
            startsAt: '2026-04-14T21:50:00.000Z',
            endsAt: '2026-04-14T23:50:00.000Z',
          }),
        ],
      },
      NOW,
      MONTHS,
    );
    expect(card.lines.map((l) => [l.sourceId, l.rule, l.centi])).toEqual([
      [201, 'absence', -100],
      [202, 'absence', -200],
      [206, 'absence', -100],
    ]);
    // A part never counts below zero.
    expect(card.raw.participation).toBe(-400);
    expect(card.counted.participation).toBe(0);
  });

  it('scores suggestions as lead and co-signer, with bonuses for 重点督办 and excellent ones to the lead', () => {
    const card = scoreCard(
      DEFAULT_RULES,
      {
        ...none,
        suggestions: [
          { suggestionId: 11, role: 'lead', key: true, excellent: true },
          { suggestionId: 12, role: 'lead', key: false, excellent: false },
          { suggestionId: 13, role: 'cosigner', key: true, excellent: true },
        ],
      },
      NOW,
      MONTHS,
    );
    expect(card.lines.map((l) => [l.sourceId, l.rule, l.centi])).toEqual([
      [11, 'suggestion.lead', 300],
      [11, 'suggestion.key', 500],
      [11, 'suggestion.excellent', 500],
      [12, 'suggestion.lead', 300],
      [13, 'suggestion.cosign', 100],
    ]);
  });

  it('scores problem solving as the average satisfaction of rated opinions, each opinion carrying its share', () => {
    const card = scoreCard(
      DEFAULT_RULES,
      {
        ...none,
        opinions: [
          { opinionId: 21, rating: 'satisfied' },
          { opinionId: 22, rating: 'basically_satisfied' },
          { opinionId: 23, rating: 'unsatisfied' },
          { opinionId: 24, rating: 'satisfied' },
        ],
      },
      NOW,
      MONTHS,
    );
    // 30 × (1 + 0.9 + 0 + 1) / 4 = 21.75
    expect(card.lines.map((l) => [l.sourceId, l.centi])).toEqual([
      [21, 750],
      [22, 675],
      [23, 0],
      [24, 750],
    ]);
    expect(card.counted.solving).toBe(2175);
  });

  it('caps each part and adds the parts up', () => {
    const many = Array.from({ length: 30 }, () => p({ kind: 'research', typeCode: 'research' }));
    const card = scoreCard(
      DEFAULT_RULES,
      {
        participations: many,
        suggestions: [{ suggestionId: 1, role: 'lead', key: false, excellent: false }],
        opinions: [{ opinionId: 1, rating: 'satisfied' }],
      },
      NOW,
      MONTHS,
    );
    expect(card.raw.participation).toBe(9000);
    expect(card.counted).toEqual({ participation: 4000, suggestions: 300, solving: 3000 });
    expect(card.total).toBe(7300);
  });

  it('links every line to a record it was given', () => {
    const records: RepresentativeRecords = {
      participations: [p({}), p({ attendance: null }), p({ role: 'host' })],
      suggestions: [{ suggestionId: 77, role: 'lead', key: true, excellent: false }],
      opinions: [{ opinionId: 88, rating: 'satisfied' }],
    };
    const card = scoreCard(DEFAULT_RULES, records, NOW, MONTHS);
    const known = new Set([
      ...records.participations.map((x) => `activity/${x.activityId}`),
      ...records.suggestions.map((x) => `suggestion/${x.suggestionId}`),
      ...records.opinions.map((x) => `opinion/${x.opinionId}`),
    ]);
    expect(card.lines.length).toBeGreaterThan(4);
    for (const l of card.lines)
      expect(known.has(`${l.sourceType}/${l.sourceId}`), JSON.stringify(l)).toBe(true);
    expect(card.lines.reduce((a, l) => a + l.centi, 0)).toBe(
      card.raw.participation + card.raw.suggestions + card.raw.solving,
    );
  });
});

describe('yearly requirements', () => {
  it('are met, not yet met, or exempt by documented leave — never by absence', () => {
    const card = scoreCard(
      DEFAULT_RULES,
      {
        participations: [
          p({ kind: 'research', typeCode: 'research' }),
          p({ kind: 'inspection', typeCode: 'inspection', attendance: null, status: 'leave_approved' }),
          p({ month: '2026-01' }),
          p({ month: '2026-02', attendance: null, status: 'leave_approved' }),
          p({ month: '2026-03', attendance: null }),
          p({ month: '2026-04', attendance: null }),
        ],
        suggestions: [{ suggestionId: 1, role: 'cosigner', key: false, excellent: false }],
        opinions: [],
      },
      NOW,
      MONTHS,
    );
    expect(card.requirements.map((q) => [q.code, q.status, q.have, q.need])).toEqual([
      ['suggestion', 'not_yet', 0, 1], // co-signing is not leading
      ['research', 'exempt', 1, 2], // one attended, one on leave
      ['reception', 'not_yet', 1, 3], // March: absent without leave; April is not over
    ]);
    expect(card.requirements[2]!.months).toEqual([
      { month: '2026-01', status: 'met' },
      { month: '2026-02', status: 'exempt' },
      { month: '2026-03', status: 'missing' },
      { month: '2026-04', status: 'pending' },
    ]);
  });

  it('count the month under way once a reception in it is attended, and never hold it against anyone before it ends', () => {
    const reception = (month: string, attendance: 'present' | null) => ({
      participations: [
        p({ month: '2026-01' }),
        p({ month: '2026-02' }),
        p({ month: '2026-03' }),
        p({ month, attendance }),
      ],
      suggestions: [],
      opinions: [],
    });
    const pending = scoreCard(DEFAULT_RULES, reception('2026-04', null), NOW, MONTHS).requirements[2]!;
    expect([pending.status, pending.have, pending.need]).toEqual(['met', 3, 3]);
    const attended = scoreCard(DEFAULT_RULES, reception('2026-04', 'present'), NOW, MONTHS).requirements[2]!;
    expect([attended.status, attended.have, attended.need]).toEqual(['met', 4, 4]);
    // Once May has begun, April without a reception is missed.
    const may = scoreCard(DEFAULT_RULES, reception('2026-04', null), new Date('2026-05-02T00:00:00.000Z'), [
      ...MONTHS,
      '2026-05',
    ]).requirements[2]!;
    expect([may.status, may.have, may.need]).toEqual(['not_yet', 3, 4]);
  });

  it('counts the months of the year up to now', () => {
    expect(monthsUpTo(2026, '2026-04')).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(monthsUpTo(2025, '2026-04')).toHaveLength(12);
    expect(monthsUpTo(2027, '2026-04')).toEqual([]);
  });
});

describe('rule sets', () => {
  it('accepts the default rules and names every problem of a bad one', () => {
    expect(checkRules(DEFAULT_RULES, ['reception', 'lecture'])).toEqual([]);
    const bad: ScoreRules = {
      ...DEFAULT_RULES,
      caps: { ...DEFAULT_RULES.caps, solving: -1 },
      activity: { ...DEFAULT_RULES.activity, byType: { nonsense: 2 } },
      solving: { satisfied: 1.5, basicallySatisfied: 0.9 },
      requirements: [
        ...DEFAULT_RULES.requirements,
        { code: 'suggestion', label: '重复', kind: 'suggestions', min: 0, role: 'lead' },
      ],
    };
    expect(checkRules(bad, ['reception']).map((x) => x.path)).toEqual([
      '/caps/solving',
      '/activity/byType/nonsense',
      '/solving/satisfied',
      '/requirements/3/code',
      '/requirements/3/min',
    ]);
  });

  it('describes the method in plain Chinese from the rules themselves', () => {
    const text = describeRules(
      { ...DEFAULT_RULES, suggestion: { ...DEFAULT_RULES.suggestion, lead: 4 } },
      {},
    ).join('\n');
    expect(text).toContain('满分100分');
    expect(text).toContain('领衔提出并经立案的建议每件4分');
    expect(text).toContain('每半天扣1分');
    expect(text).toContain('每月参加接待选民活动');
  });
});
