/** The archive API (履职档案): a representative's year as a timeline, its figures, the score and the method. */
import { Type, type Static } from 'typebox';
import { Id, Nullable, StringEnum } from '../../platform/http/schemas.ts';
import { Ref } from '../org/org.schema.ts';
import { ScoreCardView } from './performance.schema.ts';

export const ArchiveQuery = Type.Object(
  { congressId: Id, year: Type.Optional(Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 })) },
  { additionalProperties: false },
);
export type ArchiveQuery = Static<typeof ArchiveQuery>;

export const RECORD_TYPES = ['activity', 'suggestion', 'opinion'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const ACTIVITY_OUTCOMES = ['attended', 'leave', 'absent', 'upcoming', 'cancelled'] as const;
export type ActivityOutcome = (typeof ACTIVITY_OUTCOMES)[number];

export const TimelineEntry = Type.Object({
  type: StringEnum(RECORD_TYPES),
  id: Type.Integer(),
  /** The instant the entry is dated by: the activity's start, the registration, the submission. */
  at: Type.String(),
  title: Type.String(),
  /** The activity's type, 领衔 / 附议, the opinion's category. */
  category: Type.String(),
  outcome: Type.String(),
  outcomeLabel: Type.String(),
  detail: Nullable(Type.String()),
  /** Points the record earned under the rules (0 when none). */
  points: Type.Number(),
  activity: Type.Optional(
    Type.Object({
      typeCode: Type.String(),
      kind: Type.String(),
      role: StringEnum(['participant', 'host'] as const),
      startsAt: Type.String(),
      endsAt: Type.String(),
      place: Nullable(Type.String()),
    }),
  ),
  suggestion: Type.Optional(
    Type.Object({
      role: StringEnum(['lead', 'cosigner'] as const),
      kind: Type.String(),
      caseLabel: Nullable(Type.String()),
      lead: Type.String(),
      status: Type.String(),
      statusLabel: Type.String(),
      registeredAt: Nullable(Type.String()),
      replyClass: Nullable(Type.String()),
      documentNumber: Nullable(Type.String()),
      leadUnit: Nullable(Type.String()),
      keySupervision: Type.Boolean(),
      excellent: Type.Boolean(),
      /** The lead's evaluation of the reply, the worse of attitude and result: satisfied | basically_satisfied | unsatisfied. */
      evaluation: Nullable(Type.String()),
    }),
  ),
  opinion: Type.Optional(
    Type.Object({
      categoryLabel: Nullable(Type.String()),
      status: Type.String(),
      statusLabel: Type.String(),
      submittedAt: Type.String(),
      result: Nullable(Type.String()),
      rating: Nullable(Type.String()),
      ratedAt: Nullable(Type.String()),
      /** Received in an earlier year, rated in this one. */
      carriedOver: Type.Boolean(),
    }),
  ),
});
export type TimelineEntry = Static<typeof TimelineEntry>;

const N = Type.Integer({ minimum: 0 });

export const ArchiveSummary = Type.Object({
  activities: Type.Object({
    invited: N,
    attended: N,
    hosted: N,
    leave: N,
    absent: N,
    upcoming: N,
    cancelled: N,
    /** Attended activities by type, in the types' order, with their Beijing dates. */
    byType: Type.Array(
      Type.Object({
        typeCode: Type.String(),
        label: Type.String(),
        attended: N,
        dates: Type.Array(Type.String()),
      }),
    ),
  }),
  suggestions: Type.Object({
    led: N,
    cosigned: N,
    replied: N,
    classA: N,
    classB: N,
    classC: N,
    key: N,
    excellent: N,
    evaluated: N,
    satisfied: N,
    basicallySatisfied: N,
    unsatisfied: N,
  }),
  opinions: Type.Object({
    /** Submitted in the year. */
    received: N,
    /** Submitted earlier, rated in the year. */
    carriedOver: N,
    replied: N,
    solved: N,
    partiallySolved: N,
    explained: N,
    /** Still being handled (neither closed nor rejected, merged or converted). */
    open: N,
    rated: N,
    satisfied: N,
    basicallySatisfied: N,
    unsatisfied: N,
    satisfactionRate: Nullable(Type.Number()),
    byCategory: Type.Array(Type.Object({ label: Type.String(), count: N })),
  }),
});
export type ArchiveSummary = Static<typeof ArchiveSummary>;

export const ArchiveView = Type.Object({
  representative: Type.Object({
    id: Type.Integer(),
    name: Type.String(),
    employer: Nullable(Type.String()),
    post: Nullable(Type.String()),
    constituency: Nullable(Type.String()),
    delegation: Nullable(Type.String()),
    stations: Type.Array(Type.String()),
  }),
  congress: Ref,
  year: Type.Integer(),
  /** When the archive was read; before the year's end the figures are "so far". */
  asOf: Type.String(),
  yearComplete: Type.Boolean(),
  summary: ArchiveSummary,
  /** Everything of the year, oldest first; every score line's record is here. */
  timeline: Type.Array(TimelineEntry),
  /** The score card, each line with its record (opinions named without the citizen's words or code). */
  score: ScoreCardView,
  /** The method of the rules in force, in plain Chinese. */
  method: Type.Array(Type.String()),
});
export type ArchiveView = Static<typeof ArchiveView>;
