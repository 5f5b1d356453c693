/** The 履职公示 API: previews, publication, corrections, the staff's list, and the public pages' answers. */
import { Type, type Static } from 'typebox';
import { Nullable, Page, PagingQuery, PlainText, StringEnum } from '../../platform/http/schemas.ts';
import { Ref } from '../org/org.schema.ts';
import { DISCLOSURE_KINDS, MONTH_PATTERN } from './disclosure.domain.ts';

export const Month = Type.String({
  title: '月份',
  pattern: MONTH_PATTERN,
  'x-hint-zh': '格式为“年-月”，如 2026-03',
  'x-hint-en': 'as YYYY-MM, e.g. 2026-03',
});
const Kind = StringEnum(DISCLOSURE_KINDS, { title: '公示对象类型' });
const SubjectId = Type.Integer({ title: '公示对象', minimum: 1, maximum: 2147483647 });

const Count = Type.Integer({ minimum: 0 });
const Labelled = Type.Object({ label: Type.String(), count: Count });

/** The snapshot as published (disclosure.domain.ts DisclosureContent). */
export const DisclosureContent = Type.Object({
  kind: Kind,
  month: Type.String(),
  /** Up to when the records were counted. */
  asOf: Type.String(),
  subject: Type.Object({
    name: Type.String(),
    publicCode: Type.String(),
    jurisdictionName: Type.String(),
    description: Type.String(),
  }),
  activities: Type.Array(
    Type.Object({
      startsAt: Type.String(),
      endsAt: Type.String(),
      typeCode: Type.String(),
      typeLabel: Type.String(),
      title: Type.String(),
      place: Nullable(Type.String()),
      present: Count,
      /** Names of the representatives present whose profile is public. */
      representatives: Type.Array(Type.String()),
      hosted: Type.Optional(Type.Boolean()),
    }),
  ),
  activitiesByType: Type.Array(Labelled),
  opinions: Type.Object({
    received: Count,
    byCategory: Type.Array(Labelled),
    replied: Count,
    solved: Count,
    rated: Count,
    satisfied: Count,
    basicallySatisfied: Count,
    unsatisfied: Count,
    /** (满意 + 0.9 × 基本满意) / rated; null when nobody rated. */
    satisfactionRate: Nullable(Type.Number()),
  }),
  attendance: Type.Optional(Type.Object({ invited: Count, attended: Count, leave: Count })),
  suggestions: Type.Optional(Type.Object({ led: Count, cosigned: Count })),
});

export const SubjectQuery = Type.Object(
  {
    kind: Kind,
    subjectId: SubjectId,
    month: Month,
  },
  { additionalProperties: false },
);
export type SubjectQuery = Static<typeof SubjectQuery>;

export const PublishBody = SubjectQuery;
export type PublishBody = SubjectQuery;

export const CorrectionBody = Type.Object(
  { note: PlainText({ title: '更正说明', minLength: 2, maxLength: 500 }) },
  { additionalProperties: false },
);
export type CorrectionBody = Static<typeof CorrectionBody>;

const VersionInfo = Type.Object({
  id: Type.Integer(),
  version: Type.Integer(),
  publishedAt: Type.String(),
  correctionNote: Nullable(Type.String()),
});

/** One published version, with the others of its month. */
export const DisclosureView = Type.Object({
  id: Type.Integer(),
  kind: Kind,
  subject: Ref,
  month: Type.String(),
  version: Type.Integer(),
  correctionNote: Nullable(Type.String()),
  publishedAt: Type.String(),
  publishedBy: Nullable(Type.String()),
  content: DisclosureContent,
  /** Every version of the month, oldest first. */
  versions: Type.Array(VersionInfo),
});
export type DisclosureView = Static<typeof DisclosureView>;

export const PreviewView = Type.Object({
  kind: Kind,
  subject: Ref,
  month: Type.String(),
  /** What publishing now would write. */
  content: DisclosureContent,
  /** The latest published version of the month, if any (then only a correction may follow). */
  published: Nullable(VersionInfo),
});

export const DisclosureListQuery = Type.Object(
  {
    ...PagingQuery,
    kind: Type.Optional(Kind),
    month: Type.Optional(Month),
    subjectId: Type.Optional(SubjectId),
  },
  { additionalProperties: false },
);
export type DisclosureListQuery = Static<typeof DisclosureListQuery>;

export const DisclosureListItem = Type.Object({
  id: Type.Integer(),
  kind: Kind,
  subject: Ref,
  month: Type.String(),
  /** The latest version; a month corrected once shows 2. */
  version: Type.Integer(),
  correctionNote: Nullable(Type.String()),
  publishedAt: Type.String(),
});
export const DisclosurePage = Page(DisclosureListItem);

// --- Public ------------------------------------------------------------------------------------

export const PublicDisclosureParams = Type.Object(
  {
    code: Type.String({
      title: '二维码编号',
      minLength: 4,
      maxLength: 32,
      pattern: '^[A-Za-z0-9]+$',
    }),
  },
  { additionalProperties: false },
);

export const PublicDisclosureQuery = Type.Object(
  {
    month: Type.Optional(Month),
    version: Type.Optional(Type.Integer({ title: '版本', minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);
export type PublicDisclosureQuery = Static<typeof PublicDisclosureQuery>;

/** What the public reads: the subject, the months published, and the version asked for (the latest by default). */
export const PublicDisclosure = Type.Object({
  kind: Kind,
  subject: Type.Object({ name: Type.String(), publicCode: Type.String() }),
  /** Months with a published disclosure, newest first. */
  months: Type.Array(Type.String()),
  /** The month shown; null when nothing is published yet. */
  month: Nullable(Type.String()),
  disclosure: Nullable(
    Type.Object({
      version: Type.Integer(),
      latestVersion: Type.Integer(),
      publishedAt: Type.String(),
      /** Why this version corrected the one before (null for the first). */
      correctionNote: Nullable(Type.String()),
      /** Every version of the month, oldest first; the earlier ones stay readable. */
      versions: Type.Array(
        Type.Object({
          version: Type.Integer(),
          publishedAt: Type.String(),
          correctionNote: Nullable(Type.String()),
        }),
      ),
      content: DisclosureContent,
    }),
  ),
});
export type PublicDisclosure = Static<typeof PublicDisclosure>;
