/** The activities API: lists and calendar, one activity with its people and outputs, the steps, check-in. */
import { Type, type Static } from 'typebox';
import {
  Id,
  LongText,
  Nullable,
  Page,
  PagingQuery,
  PlainText,
  StringEnum,
} from '../../platform/http/schemas.ts';
import { Ref } from '../org/org.schema.ts';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, ORGANISERS, PARTICIPANT_STATUSES } from './activities.domain.ts';

const Instant = (title: string) => Type.String({ title, format: 'date-time' });
const TypeCode = Type.String({ title: '活动类型', minLength: 1, maxLength: 32 });

export const CreateActivityBody = Type.Object(
  {
    typeCode: TypeCode,
    title: PlainText({ title: '活动名称', maxLength: 200 }),
    organiser: StringEnum(ORGANISERS, { title: '组织方' }),
    /** The station, group or congress that organises it (by `organiser`). */
    organiserId: Id,
    startsAt: Instant('开始时间'),
    endsAt: Instant('结束时间'),
    place: Type.Optional(Nullable(PlainText({ title: '地点', maxLength: 200 }))),
    agenda: Type.Optional(Nullable(LongText({ title: '议程', maxLength: 5000 }))),
    representativeIds: Type.Optional(Type.Array(Id, { title: '参加代表', maxItems: 500, uniqueItems: true })),
    hostIds: Type.Optional(Type.Array(Id, { title: '主持代表', maxItems: 10, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type CreateActivityBody = Static<typeof CreateActivityBody>;

export const UpdateActivityBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    title: Type.Optional(PlainText({ title: '活动名称', maxLength: 200 })),
    startsAt: Type.Optional(Instant('开始时间')),
    endsAt: Type.Optional(Instant('结束时间')),
    place: Type.Optional(Nullable(PlainText({ title: '地点', maxLength: 200 }))),
    agenda: Type.Optional(Nullable(LongText({ title: '议程', maxLength: 5000 }))),
    minutes: Type.Optional(Nullable(LongText({ title: '活动纪要', maxLength: 20000 }))),
  },
  { additionalProperties: false },
);
export type UpdateActivityBody = Static<typeof UpdateActivityBody>;

export const ReasonBody = Type.Object(
  { reason: LongText({ title: '理由', maxLength: 500 }) },
  { additionalProperties: false },
);
export const InviteBody = Type.Object(
  {
    representativeIds: Type.Array(Id, { title: '代表', minItems: 1, maxItems: 500, uniqueItems: true }),
    role: Type.Optional(StringEnum(['participant', 'host'] as const, { title: '角色' })),
  },
  { additionalProperties: false },
);
export const ParticipantParams = Type.Object(
  { id: Id, representativeId: Id },
  { additionalProperties: false },
);
export const LeaveDecisionBody = Type.Object(
  {
    approve: Type.Boolean({ title: '是否准假' }),
    note: Type.Optional(LongText({ title: '说明', maxLength: 500 })),
  },
  { additionalProperties: false },
);
export const AttendanceBody = Type.Object(
  {
    representativeId: Id,
    attendance: StringEnum(['present', 'absent'] as const, { title: '出勤' }),
    reason: LongText({ title: '补登理由', maxLength: 500 }),
  },
  { additionalProperties: false },
);
export const OutputBody = Type.Object(
  {
    kind: StringEnum(['suggestion', 'report'] as const, { title: '成果类型' }),
    suggestionId: Type.Optional(Id),
    title: Type.Optional(PlainText({ title: '成果名称', maxLength: 200 })),
  },
  { additionalProperties: false },
);
export const PhotoBody = Type.Object(
  {
    photos: Type.Array(
      Type.Object(
        {
          name: Type.Optional(PlainText({ title: '文件名', maxLength: 200 })),
          dataBase64: Type.String({ title: '照片', maxLength: 8_000_000 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 9 },
    ),
  },
  { additionalProperties: false },
);
export const CheckinParams = Type.Object(
  { code: Type.String({ minLength: 4, maxLength: 32, pattern: '^[0-9a-z]+$' }) },
  { additionalProperties: false },
);

export const ActivityListQuery = Type.Object(
  {
    ...PagingQuery,
    from: Type.Optional(Type.String({ format: 'date' })),
    to: Type.Optional(Type.String({ format: 'date' })),
    typeCode: Type.Optional(TypeCode),
    stationId: Type.Optional(Id),
    groupId: Type.Optional(Id),
    representativeId: Type.Optional(Id),
    /** mine: the caller's own (a representative); all: what the caller sees. */
    view: Type.Optional(StringEnum(['all', 'mine', 'leave_requests'] as const)),
    includeCancelled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ActivityListQuery = Static<typeof ActivityListQuery>;

export const ActivityListItem = Type.Object({
  id: Type.Integer(),
  typeCode: Type.String(),
  typeLabel: Type.String(),
  kind: StringEnum(ACTIVITY_KINDS),
  title: Type.String(),
  organiser: StringEnum(ORGANISERS),
  organiserRef: Nullable(Ref),
  jurisdiction: Ref,
  startsAt: Type.String(),
  endsAt: Type.String(),
  place: Nullable(Type.String()),
  status: StringEnum(ACTIVITY_STATUSES),
  participantCount: Type.Integer(),
  presentCount: Type.Integer(),
  /** The caller's own place on it, when they are a participant. */
  myStatus: Nullable(StringEnum(PARTICIPANT_STATUSES)),
  myAttendance: Nullable(Type.String()),
  fromSchedule: Type.Boolean(),
  version: Type.Integer(),
});
export type ActivityListItem = Static<typeof ActivityListItem>;
export const ActivityPage = Page(ActivityListItem);

export const ParticipantView = Type.Object({
  representative: Ref,
  role: StringEnum(['participant', 'host'] as const),
  status: StringEnum(PARTICIPANT_STATUSES),
  leaveReason: Nullable(Type.String()),
  attendance: Nullable(Type.String()),
  checkedInAt: Nullable(Type.String()),
  checkinMethod: Nullable(Type.String()),
  manualReason: Nullable(Type.String()),
  /** Other live activities of this representative at the same time. */
  overlaps: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String(), startsAt: Type.String() })),
});

export const ActivityDetail = Type.Object({
  ...ActivityListItem.properties,
  agenda: Nullable(Type.String()),
  minutes: Nullable(Type.String()),
  deletedReason: Nullable(Type.String()),
  participants: Type.Array(ParticipantView),
  outputs: Type.Array(
    Type.Object({
      id: Type.Integer(),
      kind: Type.String(),
      title: Type.String(),
      suggestionId: Nullable(Type.Integer()),
    }),
  ),
  /** Opinions registered at this reception day (the station's, that day, channel reception). */
  opinions: Type.Array(
    Type.Object({ id: Type.Integer(), trackingCode: Type.String(), status: Type.String() }),
  ),
  photos: Type.Array(
    Type.Object({ id: Type.Integer(), fileName: Nullable(Type.String()), size: Type.Integer() }),
  ),
  /** The check-in QR code's address (for staff who may manage it; null otherwise). */
  checkinUrl: Nullable(Type.String()),
  checkinOpensAt: Type.String(),
  checkinClosesAt: Type.String(),
  /** What the caller may do now. */
  canManage: Type.Boolean(),
  myActions: Type.Array(StringEnum(['sign_up', 'request_leave', 'checkin'] as const)),
});
export type ActivityDetail = Static<typeof ActivityDetail>;

export const CheckinView = Type.Object({
  activity: Type.Object({
    id: Type.Integer(),
    title: Type.String(),
    typeLabel: Type.String(),
    startsAt: Type.String(),
    endsAt: Type.String(),
    place: Nullable(Type.String()),
  }),
  checkedInAt: Nullable(Type.String()),
  /** true when this scan checked the representative in; false when they already were. */
  first: Type.Boolean(),
});

export const ActivityTypeView = Type.Object({
  code: Type.String(),
  labelZh: Type.String(),
  labelEn: Type.String(),
  kind: StringEnum(ACTIVITY_KINDS),
  sortOrder: Type.Integer(),
  active: Type.Boolean(),
});
export const ActivityTypeBody = Type.Object(
  {
    code: Type.String({ title: '编码', minLength: 1, maxLength: 32, pattern: '^[a-z][a-z0-9_]*$' }),
    labelZh: PlainText({ title: '名称', maxLength: 50 }),
    labelEn: PlainText({ title: 'Name (English)', maxLength: 100 }),
    kind: StringEnum(ACTIVITY_KINDS, { title: '计分归类' }),
    sortOrder: Type.Integer({ title: '排序', minimum: 0, maximum: 1000 }),
    active: Type.Boolean({ title: '启用' }),
  },
  { additionalProperties: false },
);
export type ActivityTypeBody = Static<typeof ActivityTypeBody>;

export const ReceptionDayView = Type.Object({
  activityId: Type.Integer(),
  date: Type.String(),
  ruleDate: Nullable(Type.String()),
  startsAt: Type.String(),
  endsAt: Type.String(),
  onDuty: Type.Array(Ref),
});
