/**
 * The suggestions API: drafts and co-signing, the work lists of each role, one case with its
 * whole history, one route per action of the state machine (suggestions.domain.ts), the records
 * beside it, commitments, statistics and the yearly report.
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
import { SUGGESTION_ACTIONS, SUGGESTION_RECORDS } from './suggestions.domain.ts';
import {
  CLOSE_REASONS,
  COMMITMENT_STATUSES,
  CONTACT_MEANS,
  EVALUATION_RATINGS,
  PERIODS,
  REPLY_CLASSES,
  SIGNER_ROLES,
  SIGNER_STATUSES,
  SUGGESTION_KINDS,
  SUGGESTION_STATES,
  UNIT_ROLES,
} from './suggestions.vocab.ts';

const State = StringEnum(SUGGESTION_STATES, { title: '状态' });
const Kind = StringEnum(SUGGESTION_KINDS, { title: '类型' });
const Period = StringEnum(PERIODS, { title: '提出时间' });
const CategoryCode = Type.String({ title: '类别', minLength: 1, maxLength: 32 });
const Rating = StringEnum(EVALUATION_RATINGS, { title: '评价' });
const ReplyClass = StringEnum(REPLY_CLASSES, { title: '答复分类' });
const Text = (title: string, maxLength: number) => LongText({ title, maxLength });
const withVersion = { version: Type.Optional(Type.Integer({ title: '版本', minimum: 1 })) };
const SessionNumber = Type.Integer({ title: '会议次数', minimum: 1, maximum: 20 });

/** The text of a draft; all of it may be saved unfinished (autosave), and is checked at submission. */
const DraftText = {
  title: PlainText({ title: '标题', minLength: 0, maxLength: 200 }),
  categoryCode: Nullable(CategoryCode),
  /** 事由 (a motion's 案由). */
  background: Text('事由', 20000),
  /** 具体建议 (a motion's 方案). */
  proposals: Text('具体建议', 20000),
  /** A motion's 案据. */
  basis: Nullable(Text('案据', 20000)),
};

export const CreateDraftBody = Type.Object(
  {
    kind: Kind,
    congressId: Id,
    period: Period,
    sessionNumber: Type.Optional(Nullable(SessionNumber)),
    title: DraftText.title,
    categoryCode: Type.Optional(DraftText.categoryCode),
    background: Type.Optional(DraftText.background),
    proposals: Type.Optional(DraftText.proposals),
    basis: Type.Optional(DraftText.basis),
    /** Congress staff registering a paper suggestion name its lead representative. */
    leadRepresentativeId: Type.Optional(Id),
    /** Congress staff: file it as handed in (待审查) at once, for a paper suggestion signed by the lead. */
    submitNow: Type.Optional(Type.Boolean({ title: '直接提交' })),
  },
  { additionalProperties: false },
);
export type CreateDraftBody = Static<typeof CreateDraftBody>;

export const UpdateDraftBody = Type.Object(
  {
    ...withVersion,
    kind: Type.Optional(Kind),
    period: Type.Optional(Period),
    sessionNumber: Type.Optional(Nullable(SessionNumber)),
    title: Type.Optional(DraftText.title),
    categoryCode: Type.Optional(DraftText.categoryCode),
    background: Type.Optional(DraftText.background),
    proposals: Type.Optional(DraftText.proposals),
    basis: Type.Optional(DraftText.basis),
  },
  { additionalProperties: false },
);
export type UpdateDraftBody = Static<typeof UpdateDraftBody>;

export const FromOpinionBody = Type.Object(
  {
    opinionId: Id,
    congressId: Id,
    /** Congress staff converting on a representative's behalf name the lead. */
    leadRepresentativeId: Type.Optional(Id),
    title: Type.Optional(PlainText({ title: '标题', maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type FromOpinionBody = Static<typeof FromOpinionBody>;

export const InviteBody = Type.Object(
  { representativeIds: Type.Array(Id, { title: '附议代表', minItems: 1, maxItems: 200, uniqueItems: true }) },
  { additionalProperties: false },
);
export const AnswerBody = Type.Object(
  { answer: StringEnum(['accept', 'decline'] as const, { title: '是否附议' }) },
  { additionalProperties: false },
);
export const SignerParams = Type.Object({ id: Id, representativeId: Id }, { additionalProperties: false });

const Attachment = Type.Object(
  {
    fileName: PlainText({ title: '附件文件名', maxLength: 200 }),
    /** The file, base64; PDF, DOCX or an image, checked by content. */
    dataBase64: Type.String({ title: '附件', maxLength: 14_000_000, pattern: '^[A-Za-z0-9+/=\\s]*$' }),
  },
  { additionalProperties: false },
);

export const ACTION_BODIES = {
  submit: Type.Object({ ...withVersion }, { additionalProperties: false }),
  withdraw: Type.Object(
    { ...withVersion, reason: Type.Optional(Text('撤回理由', 500)) },
    { additionalProperties: false },
  ),
  register: Type.Object(
    { ...withVersion, note: Type.Optional(Text('备注', 1000)) },
    { additionalProperties: false },
  ),
  refuse: Type.Object(
    {
      ...withVersion,
      reason: Type.String({ title: '不予立案理由', minLength: 1, maxLength: 32 }),
      note: Text('告知代表的说明', 500),
    },
    { additionalProperties: false },
  ),
  merge: Type.Object(
    {
      ...withVersion,
      targetId: Type.Integer({ title: '并入的建议', minimum: 1 }),
      note: Type.Optional(Text('备注', 1000)),
    },
    { additionalProperties: false },
  ),
  assign: Type.Object(
    {
      ...withVersion,
      leadUnitId: Type.Integer({ title: '主办单位', minimum: 1 }),
      coUnitIds: Type.Optional(Type.Array(Id, { title: '协办单位', maxItems: 10, uniqueItems: true })),
      keySupervision: Type.Optional(Type.Boolean({ title: '重点督办' })),
      supervisorUserId: Type.Optional(Nullable(Id)),
      note: Type.Optional(Text('交办意见', 1000)),
    },
    { additionalProperties: false },
  ),
  sign: Type.Object(
    { ...withVersion, note: Type.Optional(Text('备注', 1000)) },
    { additionalProperties: false },
  ),
  request_return: Type.Object(
    { ...withVersion, reason: Text('退回理由', 500) },
    { additionalProperties: false },
  ),
  approve_return: Type.Object(
    { ...withVersion, note: Type.Optional(Text('备注', 1000)) },
    { additionalProperties: false },
  ),
  refuse_return: Type.Object(
    { ...withVersion, note: Text('不同意退回的理由', 500) },
    { additionalProperties: false },
  ),
  request_extension: Type.Object(
    { ...withVersion, until: { ...DateString, title: '申请延期至' }, reason: Text('延期理由', 1000) },
    { additionalProperties: false },
  ),
  approve_extension: Type.Object(
    {
      ...withVersion,
      until: Type.Optional({ ...DateString, title: '批准延期至' }),
      note: Type.Optional(Text('备注', 1000)),
    },
    { additionalProperties: false },
  ),
  refuse_extension: Type.Object(
    { ...withVersion, note: Text('不同意延期的理由', 500) },
    { additionalProperties: false },
  ),
  reply: Type.Object(
    {
      ...withVersion,
      replyClass: ReplyClass,
      documentNumber: PlainText({ title: '文号', maxLength: 64 }),
      signer: PlainText({ title: '签发人', maxLength: 50 }),
      body: Text('答复正文', 20000),
      attachment: Type.Optional(Attachment),
      /** Class B: what the unit commits to do, each tracked until done (承诺事项). */
      commitments: Type.Optional(
        Type.Array(
          Type.Object(
            {
              content: Text('承诺事项', 1000),
              dueDate: Type.Optional(Nullable({ ...DateString, title: '计划完成日期' })),
            },
            { additionalProperties: false },
          ),
          { title: '承诺事项', maxItems: 20 },
        ),
      ),
    },
    { additionalProperties: false },
  ),
  evaluate: Type.Object(
    {
      ...withVersion,
      attitude: { ...Rating, title: '对办理态度的评价' },
      result: { ...Rating, title: '对办理结果的评价' },
      comment: Type.Optional(Text('评价意见', 2000)),
    },
    { additionalProperties: false },
  ),
  resolve_escalation: Type.Object(
    { ...withVersion, note: Text('督办办结情况', 2000) },
    { additionalProperties: false },
  ),
  publish: Type.Object(
    {
      ...withVersion,
      /** As published: personal privacy, trade and state secrets removed (脱敏). */
      title: PlainText({ title: '公开的标题', maxLength: 200 }),
      body: Text('公开的建议内容', 20000),
      reply: Text('公开的答复内容', 20000),
    },
    { additionalProperties: false },
  ),
} as const;

/** The actions a person can take through the API (the rest are the system's). */
export type UserAction = keyof typeof ACTION_BODIES;
export type ActionBody<A extends UserAction> = Static<(typeof ACTION_BODIES)[A]>;

/** URL segment of each action: POST /suggestions/:id/<segment>. */
export const ACTION_PATHS: Record<UserAction, string> = {
  submit: 'submit',
  withdraw: 'withdraw',
  register: 'register',
  refuse: 'refuse',
  merge: 'merge',
  assign: 'assign',
  sign: 'sign',
  request_return: 'request-return',
  approve_return: 'approve-return',
  refuse_return: 'refuse-return',
  request_extension: 'request-extension',
  approve_extension: 'approve-extension',
  refuse_extension: 'refuse-extension',
  reply: 'reply',
  evaluate: 'evaluate',
  resolve_escalation: 'resolve-escalation',
  publish: 'publish',
};

export const ContactBody = Type.Object(
  {
    contactedOn: { ...DateString, title: '沟通日期' },
    means: StringEnum(CONTACT_MEANS, { title: '沟通方式' }),
    summary: Text('沟通情况', 4000),
  },
  { additionalProperties: false },
);
export type ContactBody = Static<typeof ContactBody>;

export const CoOpinionBody = Type.Object(
  { opinion: Text('协办意见', 10000) },
  { additionalProperties: false },
);

export const CorrectionBody = Type.Object(
  {
    replyId: Id,
    replyClass: Type.Optional(ReplyClass),
    documentNumber: PlainText({ title: '更正文号', maxLength: 64 }),
    signer: PlainText({ title: '签发人', maxLength: 50 }),
    body: Text('更正内容', 20000),
  },
  { additionalProperties: false },
);
export type CorrectionBody = Static<typeof CorrectionBody>;

export const KeyFlagBody = Type.Object(
  { keySupervision: Type.Boolean({ title: '重点督办' }), supervisorUserId: Type.Optional(Nullable(Id)) },
  { additionalProperties: false },
);

export const ProgressBody = Type.Object(
  {
    note: Text('进展情况', 4000),
    year: Type.Optional(Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 })),
    done: Type.Optional(Type.Boolean({ title: '已兑现' })),
  },
  { additionalProperties: false },
);
export type ProgressBody = Static<typeof ProgressBody>;

export const BulkBody = Type.Object(
  {
    ids: Type.Array(Id, { title: '建议', minItems: 1, maxItems: 1000, uniqueItems: true }),
    action: StringEnum(['register', 'assign'] as const, { title: '批量操作' }),
    leadUnitId: Type.Optional(Type.Integer({ title: '主办单位', minimum: 1 })),
    coUnitIds: Type.Optional(Type.Array(Id, { title: '协办单位', maxItems: 10, uniqueItems: true })),
    note: Type.Optional(Text('备注', 1000)),
  },
  { additionalProperties: false },
);
export type BulkBody = Static<typeof BulkBody>;

export const BulkResult = Type.Object({
  done: Type.Array(Type.Integer()),
  failed: Type.Array(Type.Object({ id: Type.Integer(), code: Type.String(), message: Type.String() })),
});

/** The work lists (each role's tabs) and the ledger ('all'). */
export const VIEWS = [
  'all',
  'mine', // a representative's own (lead or co-signed)
  'to_cosign', // invitations waiting for the representative's answer
  'to_evaluate', // replies waiting for the representative's evaluation
  'screening', // staff: submitted, to register, refuse or merge
  'to_assign', // staff: registered, to assign
  'requests', // staff: return and extension requests to decide
  'overdue', // past the reply deadline, not replied
  'key', // 重点督办
  'escalated', // staff: 不满意 twice
  'unit_inbox', // unit: assigned, to sign
  'unit_handling', // unit: in progress or re-handling, to reply
  'published',
] as const;
export type SuggestionView = (typeof VIEWS)[number];

export const ListQuery = Type.Object(
  {
    ...PagingQuery,
    view: Type.Optional(StringEnum(VIEWS, { title: '列表' })),
    status: Type.Optional(State),
    kind: Type.Optional(Kind),
    congressId: Type.Optional(Id),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    unitId: Type.Optional(Id),
    categoryCode: Type.Optional(CategoryCode),
    replyClass: Type.Optional(ReplyClass),
    q: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type ListQuery = Static<typeof ListQuery>;

export const Deadlines = Type.Object({
  returnDue: Nullable(Type.String()),
  coOpinionDue: Nullable(Type.String()),
  replyDue: Nullable(Type.String()),
  replyDueProvisional: Type.Boolean(),
  maxReplyDue: Nullable(Type.String()),
  evaluationDue: Nullable(Type.String()),
  /** The reply deadline passed without a reply. */
  overdue: Type.Boolean(),
  /** The reply is due within the reminder window (临期). */
  dueSoon: Type.Boolean(),
});

export const SuggestionListItem = Type.Object({
  id: Type.Integer(),
  kind: Kind,
  status: State,
  version: Type.Integer(),
  caseNumber: Nullable(Type.Integer()),
  /** '第12号', or null before registration. */
  caseLabel: Nullable(Type.String()),
  title: Type.String(),
  congress: Ref,
  period: Period,
  sessionNumber: Nullable(Type.Integer()),
  year: Type.Integer(),
  lead: Ref,
  cosignerCount: Type.Integer(),
  categoryCode: Nullable(Type.String()),
  leadUnit: Nullable(Ref),
  coUnits: Type.Array(Ref),
  keySupervision: Type.Boolean(),
  submittedAt: Nullable(Type.String()),
  assignedAt: Nullable(Type.String()),
  deadlines: Deadlines,
  replyClass: Nullable(ReplyClass),
  attitudeRating: Nullable(Rating),
  resultRating: Nullable(Rating),
  rehandleRounds: Type.Integer(),
  closeReason: Nullable(StringEnum(CLOSE_REASONS)),
  updatedAt: Type.String(),
});
export type SuggestionListItem = Static<typeof SuggestionListItem>;
export const SuggestionPage = Page(SuggestionListItem);

export const SignerView = Type.Object({
  representative: Ref,
  role: StringEnum(SIGNER_ROLES),
  status: StringEnum(SIGNER_STATUSES),
  invitedAt: Type.String(),
  answeredAt: Nullable(Type.String()),
  /** For a signer who came with a merged case: that case. */
  originSuggestionId: Nullable(Type.Integer()),
});

export const UnitView = Type.Object({
  unit: Ref,
  role: StringEnum(UNIT_ROLES),
  assignedAt: Type.String(),
  coOpinion: Nullable(Type.String()),
  coOpinionAt: Nullable(Type.String()),
});

export const EventView = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  action: Type.String(),
  fromStatus: Nullable(State),
  toStatus: State,
  actorKind: Type.String(),
  actorName: Nullable(Type.String()),
  unit: Nullable(Ref),
  note: Nullable(Type.String()),
});

export const ContactView = Type.Object({
  id: Type.Integer(),
  unit: Ref,
  round: Type.Integer(),
  contactedOn: Type.String(),
  means: StringEnum(CONTACT_MEANS),
  summary: Type.String(),
  createdAt: Type.String(),
});

export const ReplyView = Type.Object({
  id: Type.Integer(),
  round: Type.Integer(),
  unit: Ref,
  replyClass: ReplyClass,
  documentNumber: Type.String(),
  signer: Type.String(),
  body: Type.String(),
  repliedAt: Type.String(),
  onTime: Type.Boolean(),
  correctsReplyId: Nullable(Type.Integer()),
  attachment: Nullable(
    Type.Object({ id: Type.Integer(), fileName: Nullable(Type.String()), size: Type.Integer() }),
  ),
});

export const EvaluationView = Type.Object({
  round: Type.Integer(),
  replyId: Type.Integer(),
  representative: Ref,
  attitude: Rating,
  result: Rating,
  comment: Nullable(Type.String()),
  at: Type.String(),
});

export const ExtensionView = Type.Object({
  id: Type.Integer(),
  requestedAt: Type.String(),
  requestedDue: Type.String(),
  reason: Type.String(),
  decision: Nullable(StringEnum(['approved', 'refused'] as const)),
  decidedAt: Nullable(Type.String()),
  newDue: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
});

export const CommitmentView = Type.Object({
  id: Type.Integer(),
  suggestionId: Type.Integer(),
  replyId: Type.Integer(),
  unit: Ref,
  content: Type.String(),
  dueDate: Nullable(Type.String()),
  status: StringEnum(COMMITMENT_STATUSES),
  doneAt: Nullable(Type.String()),
  doneNote: Nullable(Type.String()),
  overdue: Type.Boolean(),
  progress: Type.Array(Type.Object({ year: Type.Integer(), note: Type.String(), at: Type.String() })),
});

export const SuggestionDetail = Type.Object({
  ...SuggestionListItem.properties,
  background: Type.String(),
  proposals: Type.String(),
  basis: Nullable(Type.String()),
  signers: Type.Array(SignerView),
  units: Type.Array(UnitView),
  supervisor: Nullable(Ref),
  refusal: Nullable(
    Type.Object({ reason: Type.String(), label: Type.String(), note: Nullable(Type.String()) }),
  ),
  mergedInto: Nullable(
    Type.Object({ id: Type.Integer(), caseLabel: Nullable(Type.String()), title: Type.String() }),
  ),
  mergedFrom: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String() })),
  opinions: Type.Array(Type.Object({ id: Type.Integer(), trackingCode: Type.String() })),
  contacts: Type.Array(ContactView),
  replies: Type.Array(ReplyView),
  evaluations: Type.Array(EvaluationView),
  extensions: Type.Array(ExtensionView),
  commitments: Type.Array(CommitmentView),
  history: Type.Array(EventView),
  published: Nullable(
    Type.Object({ at: Type.String(), title: Type.String(), body: Type.String(), reply: Type.String() }),
  ),
  /** What the caller may do now: actions of the state machine and records beside it. */
  actions: Type.Array(StringEnum(SUGGESTION_ACTIONS)),
  records: Type.Array(StringEnum(SUGGESTION_RECORDS)),
  /** Accepted co-signers a motion of this congress needs before it can be submitted. */
  minCosigners: Type.Integer(),
  /** Who the caller is for this case. */
  roles: Type.Array(Type.String()),
});
export type SuggestionDetail = Static<typeof SuggestionDetail>;

export const CommitmentQuery = Type.Object(
  {
    ...PagingQuery,
    status: Type.Optional(StringEnum(COMMITMENT_STATUSES)),
    unitId: Type.Optional(Id),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    overdue: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CommitmentQuery = Static<typeof CommitmentQuery>;
export const CommitmentLedgerItem = Type.Object({
  ...CommitmentView.properties,
  suggestionTitle: Type.String(),
  caseLabel: Nullable(Type.String()),
  suggestionYear: Type.Integer(),
});
export const CommitmentPage = Page(CommitmentLedgerItem);

export const RefusalReason = Type.Object({
  code: Type.String(),
  labelZh: Type.String(),
  labelEn: Type.String(),
  sortOrder: Type.Integer(),
  active: Type.Boolean(),
});
export const RefusalReasonBody = Type.Object(
  {
    code: Type.String({ title: '编码', minLength: 1, maxLength: 32, pattern: '^[a-z][a-z0-9_]*$' }),
    labelZh: PlainText({ title: '理由', maxLength: 100 }),
    labelEn: PlainText({ title: 'Reason (English)', maxLength: 200 }),
    sortOrder: Type.Integer({ title: '排序', minimum: 0, maximum: 1000 }),
    active: Type.Boolean({ title: '启用' }),
  },
  { additionalProperties: false },
);
export type RefusalReasonBody = Static<typeof RefusalReasonBody>;

export const MyCongress = Type.Object({ id: Type.Integer(), name: Type.String(), level: Type.String() });

export { SUGGESTION_ACTIONS };
