/**
 * The public API behind the phone pages a citizen reaches by QR code: no sign-in, rate-limited,
 * answering only what the citizen may see. A tracking code is the citizen's key to their item.
 */
import { Type, type Static } from 'typebox';
import { LongText, Nullable, PlainText, StringEnum } from '../../platform/http/schemas.ts';
import { CONGRESS_LEVELS, STATION_TIERS } from '../org/org.domain.ts';
import { BilingualText } from '../org/org.schema.ts';
import { PhotoInput } from './opinions.schema.ts';
import {
  OPINION_STATES,
  RATINGS,
  REJECTION_REASONS,
  REPLY_RESULTS,
  SUBMITTER_KINDS,
} from './opinions.vocab.ts';

export const PublicCodeParams = Type.Object(
  { code: Type.String({ minLength: 4, maxLength: 32, pattern: '^[A-Za-z0-9]+$' }) },
  { additionalProperties: false },
);
export const TrackingParams = Type.Object(
  { trackingCode: Type.String({ minLength: 6, maxLength: 20, pattern: '^[A-Za-z0-9-]+$' }) },
  { additionalProperties: false },
);

/** A published case as the public pages list it (redacted text only). */
export const PublishedItem = Type.Object({
  id: Type.Integer(),
  categoryCode: Nullable(Type.String()),
  content: Type.String(),
  reply: Type.String(),
  result: Nullable(StringEnum(REPLY_RESULTS)),
  unitName: Nullable(Type.String()),
  stationName: Nullable(Type.String()),
  submittedAt: Type.String(),
  publishedAt: Type.String(),
  rating: Nullable(StringEnum(RATINGS)),
});
export type PublishedItem = Static<typeof PublishedItem>;

export const PublicRepresentative = Type.Object({
  publicCode: Type.String(),
  name: Type.String(),
  levels: Type.Array(StringEnum(CONGRESS_LEVELS)),
  employer: Nullable(Type.String()),
  post: Nullable(Type.String()),
});

export const PublicStationPage = Type.Object({
  publicCode: Type.String(),
  /** A retired station's code still answers, with a notice where to go instead. */
  status: StringEnum(['active', 'retired'] as const),
  name: Type.String(),
  tier: StringEnum(STATION_TIERS),
  jurisdictionName: Type.String(),
  address: Nullable(Type.String()),
  receptionText: Nullable(BilingualText),
  nextReceptions: Type.Array(Type.String()),
  /** The reception days published ahead (the station's notice window), with who is on duty. */
  receptionDays: Type.Array(
    Type.Object({
      date: Type.String(),
      startsAt: Type.String(),
      endsAt: Type.String(),
      /** On duty with a public profile (the others are only counted). */
      onDuty: Type.Array(Type.Object({ name: Type.String(), publicCode: Type.String() })),
      onDutyCount: Type.Integer(),
    }),
  ),
  /** Representatives on the roster with a public profile. */
  representatives: Type.Array(PublicRepresentative),
  /** Where to go when this station is retired: its parent, if active. */
  successor: Nullable(Type.Object({ publicCode: Type.String(), name: Type.String() })),
  published: Type.Array(PublishedItem),
});
export type PublicStationPage = Static<typeof PublicStationPage>;

export const PublicRepresentativePage = Type.Object({
  publicCode: Type.String(),
  /** False when the representative's profile is not public: only the name and the form are shown. */
  profilePublic: Type.Boolean(),
  name: Type.String(),
  levels: Type.Array(StringEnum(CONGRESS_LEVELS)),
  employer: Nullable(Type.String()),
  post: Nullable(Type.String()),
  bio: Nullable(Type.String()),
  stations: Type.Array(
    Type.Object({ publicCode: Type.String(), name: Type.String(), receptionText: Nullable(BilingualText) }),
  ),
  active: Type.Boolean(),
  published: Type.Array(PublishedItem),
});
export type PublicRepresentativePage = Static<typeof PublicRepresentativePage>;

export const PRIVACY_NOTICE_VERSION = '2026-11';

/** POST /public/opinions — with an Idempotency-Key header (a UUID the page makes once per form). */
export const PublicSubmissionBody = Type.Object(
  {
    stationCode: Type.Optional(
      Type.String({ title: '站点二维码', minLength: 4, maxLength: 32, pattern: '^[A-Za-z0-9]+$' }),
    ),
    representativeCode: Type.Optional(
      Type.String({ title: '代表二维码', minLength: 4, maxLength: 32, pattern: '^[A-Za-z0-9]+$' }),
    ),
    categoryCode: Type.Optional(Nullable(Type.String({ title: '类别', minLength: 1, maxLength: 32 }))),
    content: LongText({ title: '意见建议', maxLength: 2000 }),
    address: Type.Optional(Nullable(PlainText({ title: '地点', maxLength: 200 }))),
    submitterKind: Type.Optional(StringEnum(SUBMITTER_KINDS, { title: '身份' })),
    name: Type.Optional(Nullable(PlainText({ title: '姓名', maxLength: 50 }))),
    phone: Type.Optional(Nullable(Type.String({ title: '手机号', maxLength: 30 }))),
    anonymous: Type.Optional(Type.Boolean({ title: '匿名' })),
    consentPrivacy: Type.Literal(true, { title: '同意隐私说明' }),
    privacyNoticeVersion: Type.String({ title: '隐私说明版本', maxLength: 16 }),
    consentPublish: Type.Optional(Type.Boolean({ title: '同意公开' })),
    photos: Type.Optional(Type.Array(PhotoInput, { title: '照片', maxItems: 3 })),
  },
  { additionalProperties: false },
);
export type PublicSubmissionBody = Static<typeof PublicSubmissionBody>;

export const SubmissionReceipt = Type.Object({
  trackingCode: Type.String(),
  submittedAt: Type.String(),
  /** By when the citizen will hear that it was taken up (2 working days by default). */
  ackDue: Type.String(),
  /** The station or representative it went to. */
  addressedTo: Type.String(),
});
export type SubmissionReceipt = Static<typeof SubmissionReceipt>;

/** GET /public/opinions/:trackingCode — the citizen's view of their item. */
export const TrackingView = Type.Object({
  trackingCode: Type.String(),
  status: StringEnum(OPINION_STATES),
  submittedAt: Type.String(),
  addressedTo: Nullable(Type.String()),
  categoryCode: Nullable(Type.String()),
  content: Type.String(),
  timeline: Type.Array(
    Type.Object({ at: Type.String(), status: StringEnum(OPINION_STATES), note: Nullable(Type.String()) }),
  ),
  replies: Type.Array(
    Type.Object({
      round: Type.Integer(),
      result: StringEnum(REPLY_RESULTS),
      content: Type.String(),
      from: Nullable(Type.String()),
      at: Type.String(),
    }),
  ),
  rejection: Nullable(
    Type.Object({
      reason: StringEnum(REJECTION_REASONS),
      guidance: BilingualText,
      note: Nullable(Type.String()),
    }),
  ),
  /** This item was merged into another: its reply answers this one too. */
  mergedInto: Nullable(Type.String()),
  convertedRef: Nullable(Type.String()),
  /** The representative's suggestion this item became (转为代表建议): its number, state and, once answered, the reply. */
  suggestion: Nullable(
    Type.Object({
      caseLabel: Nullable(Type.String()),
      title: Type.String(),
      status: Type.String(),
      statusLabel: Type.String(),
      reply: Nullable(
        Type.Object({
          replyClass: Type.String(),
          replyClassLabel: Type.String(),
          body: Type.String(),
          unit: Type.String(),
          at: Type.String(),
        }),
      ),
    }),
  ),
  canRate: Type.Boolean(),
  feedbackDue: Nullable(Type.String()),
  ratings: Type.Array(Type.Object({ round: Type.Integer(), rating: StringEnum(RATINGS), at: Type.String() })),
});
export type TrackingView = Static<typeof TrackingView>;

export const PublicRatingBody = Type.Object(
  {
    rating: StringEnum(RATINGS, { title: '评价' }),
    comment: Type.Optional(Nullable(LongText({ title: '评价意见', maxLength: 1000 }))),
  },
  { additionalProperties: false },
);
export type PublicRatingBody = Static<typeof PublicRatingBody>;

/** The headline numbers of the public page (DESIGN.md §5), for the whole deployment. */
export const PublicHeadline = Type.Object({
  collected: Type.Integer(),
  handled: Type.Integer(),
  responseRate: Nullable(Type.Number()),
  onTimeRate: Nullable(Type.Number()),
  resolutionRate: Nullable(Type.Number()),
  satisfactionRate: Nullable(Type.Number()),
  rated: Type.Integer(),
  representatives: Type.Integer(),
  stations: Type.Integer(),
});
