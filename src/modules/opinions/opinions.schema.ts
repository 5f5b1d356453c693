/**
 * The opinion loop's staff API: queues and ledger, one item with its whole history, intake on
 * behalf of a citizen, and one route per action of the state machine (opinions.domain.ts).
 */
import { Type, type Static } from 'typebox';
import {
  DateString,
  Id,
  LongText,
  Nullable,
  Page,
  PagingQuery,
  PlainText,
  StringEnum,
} from '../../platform/http/schemas.ts';
import { Ref } from '../org/org.schema.ts';
import { OPINION_ACTIONS } from './opinions.domain.ts';
import {
  CHANNELS,
  OPINION_STATES,
  RATINGS,
  REJECTION_REASONS,
  REPLY_RESULTS,
  SUBMITTER_KINDS,
} from './opinions.vocab.ts';

const State = StringEnum(OPINION_STATES, { title: '状态' });
const CategoryCode = Type.String({ title: '类别', minLength: 1, maxLength: 32 });

/** Deadlines of an item, ISO instants; `provisional` when counted into a year without an official calendar. */
export const Deadlines = Type.Object({
  ackDue: Type.String(),
  signDue: Nullable(Type.String()),
  replyDue: Nullable(Type.String()),
  replyDueProvisional: Type.Boolean(),
  feedbackDue: Nullable(Type.String()),
  /** Which deadlines have passed without the step being done. */
  overdue: Type.Object({ ack: Type.Boolean(), sign: Type.Boolean(), reply: Type.Boolean() }),
  /** The reply is due within the policy's reminder window (临期). */
  dueSoon: Type.Boolean(),
});

export const OpinionListItem = Type.Object({
  id: Type.Integer(),
  trackingCode: Type.String(),
  status: State,
  version: Type.Integer(),
  channel: StringEnum(CHANNELS),
  submitterKind: StringEnum(SUBMITTER_KINDS),
  jurisdiction: Ref,
  station: Nullable(Ref),
  representative: Nullable(Ref),
  grid: Nullable(Ref),
  unit: Nullable(Ref),
  categoryCode: Nullable(Type.String()),
  /** The first 80 characters of the text. */
  excerpt: Type.String(),
  /** '王*' style, '匿名' when anonymous or not given; never the full name in a list. */
  submitterName: Type.String(),
  phoneMasked: Nullable(Type.String()),
  hasPhotos: Type.Boolean(),
  submittedAt: Type.String(),
  deadlines: Deadlines,
  rehandleRounds: Type.Integer(),
  lastResult: Nullable(StringEnum(REPLY_RESULTS)),
  lastRating: Nullable(StringEnum(RATINGS)),
});
export type OpinionListItem = Static<typeof OpinionListItem>;

export const OpinionEventView = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  action: Type.String(),
  fromStatus: Nullable(State),
  toStatus: State,
  actorKind: Type.String(),
  actorName: Nullable(Type.String()),
  unit: Nullable(Ref),
  publicNote: Nullable(Type.String()),
  internalNote: Nullable(Type.String()),
});

export const ReplyView = Type.Object({
  id: Type.Integer(),
  round: Type.Integer(),
  kind: StringEnum(['unit', 'on_spot'] as const),
  result: StringEnum(REPLY_RESULTS),
  content: Type.String(),
  unit: Nullable(Ref),
  replierName: Nullable(Type.String()),
  contactNote: Nullable(Type.String()),
  at: Type.String(),
  onTime: Type.Boolean(),
});

export const RatingView = Type.Object({
  round: Type.Integer(),
  rating: StringEnum(RATINGS),
  comment: Nullable(Type.String()),
  byCitizen: Type.Boolean(),
  at: Type.String(),
});

export const ExtensionView = Type.Object({
  id: Type.Integer(),
  requestedAt: Type.String(),
  workingDays: Type.Integer(),
  reason: Type.String(),
  previousDue: Type.String(),
  decidedAt: Nullable(Type.String()),
  approved: Nullable(Type.Boolean()),
  newDue: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
});

export const OpinionView = Type.Object({
  ...OpinionListItem.properties,
  content: Type.String(),
  address: Nullable(Type.String()),
  anonymous: Type.Boolean(),
  consentPublish: Type.Boolean(),
  registeredBy: Nullable(Type.String()),
  assignedAt: Nullable(Type.String()),
  signedAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  mergedInto: Nullable(Type.Object({ id: Type.Integer(), trackingCode: Type.String() })),
  /** Items merged into this one (their submitters get this item's reply and may each rate it). */
  merged: Type.Array(Type.Object({ id: Type.Integer(), trackingCode: Type.String() })),
  rejection: Nullable(Type.Object({ reason: StringEnum(REJECTION_REASONS), note: Nullable(Type.String()) })),
  convertedRef: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  publishedContent: Nullable(Type.String()),
  publishedReply: Nullable(Type.String()),
  events: Type.Array(OpinionEventView),
  replies: Type.Array(ReplyView),
  ratings: Type.Array(RatingView),
  extensions: Type.Array(ExtensionView),
  photos: Type.Array(Type.Object({ id: Type.Integer(), mime: Type.String(), size: Type.Integer() })),
  /** What the caller may do now (the buttons to show). */
  actions: Type.Array(StringEnum(OPINION_ACTIONS)),
  /** Whether the caller may reveal the submitter's contact (audited). */
  canRevealContact: Type.Boolean(),
});
export type OpinionView = Static<typeof OpinionView>;

export const OpinionPage = Page(OpinionListItem);

/**
 * The queues are views of one list: 'triage' (staff: waiting for acceptance or assignment, returns
 * and extensions to decide), 'unit' (my unit's items to sign, handle, reply), 'representative'
 * (items of my stations, grids and me), 'all' (the ledger, within my scope).
 */
export const OpinionListQuery = Type.Object(
  {
    ...PagingQuery,
    view: Type.Optional(StringEnum(['triage', 'unit', 'representative', 'all'] as const, { title: '视图' })),
    status: Type.Optional(Type.Array(State, { maxItems: 17 })),
    channel: Type.Optional(StringEnum(CHANNELS, { title: '渠道' })),
    jurisdictionId: Type.Optional(Type.Integer({ title: '辖区', minimum: 1 })),
    stationId: Type.Optional(Type.Integer({ title: '联络站', minimum: 1 })),
    groupId: Type.Optional(Type.Integer({ title: '代表小组', minimum: 1 })),
    representativeId: Type.Optional(Type.Integer({ title: '代表', minimum: 1 })),
    gridId: Type.Optional(Type.Integer({ title: '网格', minimum: 1 })),
    unitId: Type.Optional(Type.Integer({ title: '承办单位', minimum: 1 })),
    categoryCode: Type.Optional(CategoryCode),
    from: Type.Optional(DateString),
    to: Type.Optional(DateString),
    overdue: Type.Optional(Type.Boolean({ title: '超期' })),
    dueSoon: Type.Optional(Type.Boolean({ title: '临期' })),
    rating: Type.Optional(StringEnum(RATINGS, { title: '评价' })),
    rehandled: Type.Optional(Type.Boolean({ title: '二次办理' })),
    q: Type.Optional(Type.String({ title: '关键词', maxLength: 50 })),
    sort: Type.Optional(StringEnum(['submittedAt', 'replyDue', 'updatedAt'] as const, { title: '排序' })),
  },
  { additionalProperties: false },
);
export type OpinionListQuery = Static<typeof OpinionListQuery>;

export const OpinionExportQuery = Type.Object(
  {
    ...OpinionListQuery.properties,
    format: Type.Optional(StringEnum(['xlsx', 'csv'] as const, { title: '格式' })),
    /** Include submitters' names and phone numbers in clear: needs the permission to reveal them; audited. */
    includeContact: Type.Optional(Type.Boolean({ title: '包含联系方式' })),
  },
  { additionalProperties: false },
);
export type OpinionExportQuery = Static<typeof OpinionExportQuery>;

/** A photo as the browser sends it: base64 of the file; the server checks the type by content. */
export const PhotoInput = Type.Object(
  {
    name: Type.Optional(Type.String({ title: '文件名', maxLength: 200 })),
    dataBase64: Type.String({ title: '照片', minLength: 4, maxLength: 8_000_000 }),
  },
  { additionalProperties: false },
);

/** Staff intake: what a liaison officer or representative registers on a citizen's behalf. */
export const IntakeBody = Type.Object(
  {
    channel: StringEnum(['reception', 'grid', 'visit', 'phone', 'online', 'staff'] as const, {
      title: '渠道',
    }),
    content: LongText({ title: '意见内容', maxLength: 2000 }),
    categoryCode: Type.Optional(Nullable(CategoryCode)),
    address: Type.Optional(Nullable(PlainText({ title: '地点', maxLength: 200 }))),
    stationId: Type.Optional(Nullable(Type.Integer({ title: '联络站', minimum: 1 }))),
    representativeId: Type.Optional(Nullable(Type.Integer({ title: '代表', minimum: 1 }))),
    gridId: Type.Optional(Nullable(Type.Integer({ title: '网格', minimum: 1 }))),
    /** Needed when no station, representative or grid says where the item belongs. */
    jurisdictionId: Type.Optional(Nullable(Type.Integer({ title: '辖区', minimum: 1 }))),
    submitterKind: Type.Optional(StringEnum(SUBMITTER_KINDS, { title: '反映人类型' })),
    submitterName: Type.Optional(Nullable(PlainText({ title: '姓名', maxLength: 50 }))),
    submitterPhone: Type.Optional(Nullable(Type.String({ title: '联系电话', maxLength: 30 }))),
    anonymous: Type.Optional(Type.Boolean({ title: '匿名' })),
    /** The citizen agreed to the privacy notice (read to them at intake). */
    consentPrivacy: Type.Literal(true, { title: '已告知并同意隐私说明' }),
    consentPublish: Type.Optional(Type.Boolean({ title: '同意公开' })),
    /** When the citizen raised it (e.g. the reception day); not in the future. Default: now. */
    receivedAt: Type.Optional(Type.String({ title: '收集时间', format: 'date-time' })),
    photos: Type.Optional(Type.Array(PhotoInput, { title: '照片', maxItems: 3 })),
  },
  { additionalProperties: false },
);
export type IntakeBody = Static<typeof IntakeBody>;

/** Every action body may carry the version the caller saw: a stale one is a 409, not a silent overwrite. */
const withVersion = { version: Type.Optional(Type.Integer({ title: '版本', minimum: 1 })) };
const Note = (title: string, maxLength = 1000) => LongText({ title, maxLength });

export const ACTION_BODIES = {
  accept: Type.Object(
    { ...withVersion, categoryCode: Type.Optional(CategoryCode), note: Type.Optional(Note('备注')) },
    { additionalProperties: false },
  ),
  reject: Type.Object(
    {
      ...withVersion,
      reason: StringEnum(REJECTION_REASONS, { title: '不予受理原因' }),
      note: Type.Optional(Note('告知群众的说明', 500)),
    },
    { additionalProperties: false },
  ),
  merge: Type.Object(
    {
      ...withVersion,
      targetId: Type.Integer({ title: '并入的事项', minimum: 1 }),
      note: Type.Optional(Note('备注')),
    },
    { additionalProperties: false },
  ),
  answer_on_spot: Type.Object(
    {
      ...withVersion,
      result: StringEnum(REPLY_RESULTS, { title: '办理结果' }),
      content: Note('答复内容', 2000),
    },
    { additionalProperties: false },
  ),
  assign: Type.Object(
    {
      ...withVersion,
      unitId: Type.Integer({ title: '承办单位', minimum: 1 }),
      categoryCode: Type.Optional(CategoryCode),
      note: Type.Optional(Note('交办意见')),
    },
    { additionalProperties: false },
  ),
  convert: Type.Object(
    {
      ...withVersion,
      ref: Type.Optional(PlainText({ title: '代表建议编号', maxLength: 100 })),
      note: Type.Optional(Note('备注')),
    },
    { additionalProperties: false },
  ),
  sign: Type.Object({ ...withVersion, note: Type.Optional(Note('备注')) }, { additionalProperties: false }),
  request_return: Type.Object(
    { ...withVersion, reason: Note('退回理由', 500) },
    { additionalProperties: false },
  ),
  approve_return: Type.Object(
    { ...withVersion, note: Type.Optional(Note('备注')) },
    { additionalProperties: false },
  ),
  refuse_return: Type.Object(
    { ...withVersion, note: Note('不同意退回的理由', 500) },
    { additionalProperties: false },
  ),
  request_extension: Type.Object(
    {
      ...withVersion,
      workingDays: Type.Integer({ title: '延期工作日', minimum: 1, maximum: 250 }),
      reason: Note('延期理由', 500),
    },
    { additionalProperties: false },
  ),
  approve_extension: Type.Object(
    {
      ...withVersion,
      workingDays: Type.Optional(Type.Integer({ title: '批准延期工作日', minimum: 1, maximum: 250 })),
      note: Type.Optional(Note('备注')),
    },
    { additionalProperties: false },
  ),
  refuse_extension: Type.Object(
    { ...withVersion, note: Note('不同意延期的理由', 500) },
    { additionalProperties: false },
  ),
  reply: Type.Object(
    {
      ...withVersion,
      result: StringEnum(REPLY_RESULTS, { title: '办理结果' }),
      content: Note('答复内容', 4000),
      /** How the unit got in touch with the citizen (沟通联系): date, means, who. */
      contactNote: Type.Optional(PlainText({ title: '沟通联系情况', maxLength: 500 })),
    },
    { additionalProperties: false },
  ),
  rate: Type.Object(
    {
      ...withVersion,
      rating: StringEnum(RATINGS, { title: '评价' }),
      comment: Type.Optional(Note('评价意见', 1000)),
    },
    { additionalProperties: false },
  ),
  publish: Type.Object(
    {
      ...withVersion,
      /** The text as published: personal details, trade and state secrets removed. */
      content: Note('公开的意见内容', 2000),
      reply: Note('公开的答复内容', 4000),
    },
    { additionalProperties: false },
  ),
} as const;

/** The actions a person can take through the API (the rest are the system's). */
export type UserAction = keyof typeof ACTION_BODIES;
export type ActionBody<A extends UserAction> = Static<(typeof ACTION_BODIES)[A]>;

/** URL segment of each action: POST /opinions/:id/<segment>. */
export const ACTION_PATHS: Record<UserAction, string> = {
  accept: 'accept',
  reject: 'reject',
  merge: 'merge',
  answer_on_spot: 'answer-on-spot',
  assign: 'assign',
  convert: 'convert',
  sign: 'sign',
  request_return: 'request-return',
  approve_return: 'approve-return',
  refuse_return: 'refuse-return',
  request_extension: 'request-extension',
  approve_extension: 'approve-extension',
  refuse_extension: 'refuse-extension',
  reply: 'reply',
  rate: 'rate',
  publish: 'publish',
};

export const BulkAssignBody = Type.Object(
  {
    ids: Type.Array(Id, { title: '事项', minItems: 1, maxItems: 500, uniqueItems: true }),
    unitId: Type.Integer({ title: '承办单位', minimum: 1 }),
    categoryCode: Type.Optional(CategoryCode),
    note: Type.Optional(Note('交办意见')),
  },
  { additionalProperties: false },
);
export type BulkAssignBody = Static<typeof BulkAssignBody>;

/** Each item is assigned in its own transaction: some may fail (moved on meanwhile) while others succeed. */
export const BulkAssignResult = Type.Object({
  assigned: Type.Array(Type.Integer()),
  failed: Type.Array(Type.Object({ id: Type.Integer(), code: Type.String(), message: Type.String() })),
});

export const RevealedContact = Type.Object({ name: Nullable(Type.String()), phone: Nullable(Type.String()) });

/** GET /opinions/:id/routing: the category guessed from the text and the units that handle it there. */
export const RoutingSuggestion = Type.Object({
  category: Nullable(
    Type.Object({ code: Type.String(), confidence: Type.Number(), words: Type.Array(Type.String()) }),
  ),
  units: Type.Array(
    Type.Object({ id: Type.Integer(), name: Type.String(), jurisdiction: Ref, distance: Type.Integer() }),
  ),
});

export const PhotoParams = Type.Object({ id: Id, photoId: Id }, { additionalProperties: false });
