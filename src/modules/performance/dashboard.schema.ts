/**
 * GET /performance/dashboard: the congress's duty-performance dashboard (履职统计). Every figure is
 * counted from the records at the time of the request; see dashboard.service.ts for what each
 * one counts. Rates are fractions from 0 to 1, null when there is nothing to divide by (shown
 * as "—", never as 0 % or 100 %).
 */
import { Type, type Static } from 'typebox';
import { Nullable, StringEnum } from '../../platform/http/schemas.ts';
import { CONGRESS_LEVELS, GROUP_KINDS } from '../org/org.domain.ts';
import { ACTIVITY_KINDS } from '../activities/activities.domain.ts';

const Count = (title: string, description?: string) =>
  Type.Integer({ title, minimum: 0, ...(description ? { description } : {}) });
const Rate = (title: string, description: string) => Nullable(Type.Number({ title, description }));
const Ref = (title: string) => Type.Object({ id: Type.Integer(), name: Type.String() }, { title });

export const PerformanceDashboardQuery = Type.Object(
  {
    congressId: Type.Integer({ title: '人大', minimum: 1, maximum: 2147483647 }),
    year: Type.Optional(Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 })),
    /** How many representatives the top and bottom lists hold (default 10). */
    limit: Type.Optional(Type.Integer({ title: '排行条数', minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type PerformanceDashboardQuery = Static<typeof PerformanceDashboardQuery>;

/**
 * Attendance over invitations (出勤). `invited` counts the invitations that are due: to live
 * activities that are over, or already attended; `invited = attended + onLeave + absent`.
 */
const attendanceFields = () => ({
  invited: Count('应出席', 'Invitations to live activities that are over (or already attended)'),
  attended: Count('出席', 'Marked present: checked in by QR code or recorded by staff'),
  onLeave: Count('请假', 'Not present, with approved leave (documented leave exempts)'),
  absent: Count('缺席', 'Not present and no approved leave: unexcused'),
  rate: Rate('出席率', 'attended / invited'),
});
/** Attendance, titled for where it stands. */
export const Attendance = (title = '出勤', description?: string) =>
  Type.Object(attendanceFields(), { title, ...(description ? { description } : {}) });
export const AttendanceView = Attendance();
export type AttendanceView = Static<typeof AttendanceView>;

export const RepresentativeParticipation = Type.Object(
  {
    representative: Ref('代表'),
    ...attendanceFields(),
    upcoming: Count('待参加', 'Invitations to live activities still to come'),
  },
  { title: '代表参加活动情况' },
);

const RosterParticipation = {
  members: Count('成员数', 'Representatives on the roster'),
  activities: Count('组织活动数', 'Live activities of the year it organised'),
  held: Count('已开展', 'Of those, the ones that are over'),
  attendance: Attendance(
    '成员出勤',
    'Its members’ attendance at every activity of the congress’s jurisdiction, any organiser',
  ),
};

export const GroupParticipation = Type.Object(
  {
    group: Ref('代表小组'),
    code: Type.String({ title: '编码' }),
    kind: StringEnum(GROUP_KINDS, { title: '类型（地域/专业）' }),
    jurisdiction: Ref('所属辖区'),
    ...RosterParticipation,
  },
  { title: '代表小组履职情况' },
);

export const StationParticipation = Type.Object(
  {
    station: Ref('联络站'),
    code: Type.String({ title: '编码' }),
    tier: StringEnum(['general', 'center', 'station', 'point'] as const, { title: '层级' }),
    jurisdiction: Ref('所属辖区'),
    ...RosterParticipation,
  },
  { title: '联络站履职情况' },
);

export const LevelParticipation = Type.Object(
  {
    level: StringEnum(CONGRESS_LEVELS, { title: '代表层级' }),
    label: Type.String({ title: '层级名称' }),
    representatives: Count('代表数'),
    participating: Count('参加过活动的代表数', 'Attended at least one activity'),
    attendance: AttendanceView,
  },
  {
    title: '按代表层级',
    description:
      'Each member once, under the highest level of the seats they held in the year (this congress’s included): a county congress’s members who also sit in the city or provincial congress, and so on',
  },
);

export const RequirementSummary = Type.Object(
  {
    code: Type.String({ title: '要求编码' }),
    label: Type.String({ title: '年度基本要求' }),
    met: Count('已完成'),
    exempt: Count('请假免除', 'Not met, but documented leave exempts'),
    notMet: Count('未完成'),
    /** The members who have not met it, by name; at most 1,000 (see `listTruncated`). */
    notMetRepresentatives: Type.Array(Ref('代表'), { title: '未完成的代表' }),
    listTruncated: Type.Boolean({ title: '名单不全', description: 'More than 1,000 have not met it' }),
  },
  { title: '年度基本要求完成情况' },
);

export const TypeParticipation = Type.Object(
  {
    typeCode: Type.String({ title: '活动类型编码' }),
    label: Type.String({ title: '活动类型' }),
    kind: StringEnum(ACTIVITY_KINDS, { title: '计分类别' }),
    activities: Count('活动数'),
    held: Count('已开展'),
    attendance: Attendance('出勤', 'Every participant’s, members of the congress or not'),
  },
  { title: '按活动类型' },
);

export const MonthParticipation = Type.Object(
  {
    month: Type.String({ title: '月份', description: 'YYYY-MM, Beijing time' }),
    activities: Count('活动数'),
    held: Count('已开展'),
    attendance: Attendance('出勤', 'Every participant’s, members of the congress or not'),
  },
  { title: '按月份' },
);

export const PerformanceDashboard = Type.Object({
  congress: Ref('人大'),
  /** The congress's jurisdiction: the activities counted are of it and below. */
  scope: Ref('统计范围'),
  year: Type.Integer({ title: '年度' }),
  /** The rules the requirements are checked under: the version in force, or the defaults (id null). */
  ruleSet: Type.Object(
    { id: Nullable(Type.Integer()), version: Type.Integer({ title: '规则版本' }) },
    { title: '评价规则' },
  ),
  totals: Type.Object(
    {
      members: Count('代表人数', 'Representatives who sat in the congress at any time in the year'),
      participating: Count('参加过活动的代表数', 'Members who attended at least one activity'),
      participationRate: Rate('代表参与率', 'participating / members'),
      activities: Count('活动数', 'Live activities of the year in the congress’s jurisdiction and below'),
      held: Count('已开展活动数', 'Of those, the ones that are over'),
      attendance: Attendance('代表出勤', 'The members’ attendance'),
      allAttendance: Attendance(
        '全部出勤',
        'Every participant’s attendance at those activities, members or not',
      ),
    },
    { title: '总体情况' },
  ),
  byRepresentative: Type.Object(
    {
      /** Most activities attended first (then fewest absences, then id). */
      top: Type.Array(RepresentativeParticipation, { title: '参加活动最多' }),
      /** Fewest attended first (then most absences, then id). */
      bottom: Type.Array(RepresentativeParticipation, { title: '参加活动最少' }),
      neverAttended: Count('未参加过活动的代表数'),
      neverInvited: Count('未受邀参加活动的代表数'),
    },
    { title: '按代表' },
  ),
  byLevel: Type.Array(LevelParticipation, { title: '按代表层级' }),
  byGroup: Type.Array(GroupParticipation, { title: '按代表小组' }),
  byStation: Type.Array(StationParticipation, { title: '按联络站' }),
  requirements: Type.Array(RequirementSummary, { title: '年度基本要求' }),
  byType: Type.Array(TypeParticipation, { title: '按活动类型' }),
  /** All twelve months of the year. */
  byMonth: Type.Array(MonthParticipation, { title: '按月份' }),
  generatedAt: Type.String({ title: '统计时间' }),
});
export type PerformanceDashboard = Static<typeof PerformanceDashboard>;
