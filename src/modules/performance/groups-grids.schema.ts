/**
 * GET /groups/:id/performance (a representative group's year: its members, the activities it
 * organised, what came of them, attendance) and GET /grids/coverage (every grid of the scope has
 * a serving representative, or is listed as a gap).
 */
import { Type, type Static } from 'typebox';
import { Nullable, StringEnum } from '../../platform/http/schemas.ts';
import { GROUP_KINDS, GROUP_ROLES } from '../org/org.domain.ts';
import { ACTIVITY_KINDS } from '../activities/activities.domain.ts';
import { Attendance } from './dashboard.schema.ts';

const Count = (title: string, description?: string) =>
  Type.Integer({ title, minimum: 0, ...(description ? { description } : {}) });
const Ref = (title: string) => Type.Object({ id: Type.Integer(), name: Type.String() }, { title });

export const GroupPerformanceQuery = Type.Object(
  { year: Type.Optional(Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 })) },
  { additionalProperties: false },
);
export type GroupPerformanceQuery = Static<typeof GroupPerformanceQuery>;

export const GroupActivityOutput = Type.Object(
  {
    id: Type.Integer(),
    kind: StringEnum(['suggestion', 'report'] as const, { title: '成果类型（建议/报告）' }),
    title: Type.String({ title: '成果名称' }),
    /** The suggestion formed at the activity, when the caller may see it (null for a report, or outside the scope). */
    suggestion: Nullable(
      Type.Object(
        {
          id: Type.Integer(),
          caseNumber: Nullable(Type.Integer({ title: '案号' })),
          status: Type.String({ title: '办理状态' }),
        },
        { title: '建议' },
      ),
    ),
  },
  { title: '活动成果' },
);

export const GroupActivityOpinion = Type.Object(
  {
    id: Type.Integer(),
    status: Type.String({ title: '状态' }),
    submittedAt: Type.String({ title: '收集时间' }),
    representative: Ref('接收代表'),
  },
  {
    title: '收集的群众意见',
    description:
      'Opinions raised face to face (channel reception or visit) with a representative present at the activity, on its Beijing day',
  },
);

export const GroupActivity = Type.Object(
  {
    id: Type.Integer(),
    typeCode: Type.String({ title: '活动类型编码' }),
    typeLabel: Type.String({ title: '活动类型' }),
    kind: StringEnum(ACTIVITY_KINDS, { title: '计分类别' }),
    title: Type.String({ title: '活动名称' }),
    startsAt: Type.String({ title: '开始时间' }),
    endsAt: Type.String({ title: '结束时间' }),
    place: Nullable(Type.String({ title: '地点' })),
    /** Over by now. */
    held: Type.Boolean({ title: '已开展' }),
    participants: Count('参加名单人数'),
    attendance: Attendance('出勤', 'Everyone on its list, members of the group or not'),
    outputs: Type.Array(GroupActivityOutput, { title: '活动成果' }),
    opinions: Type.Array(GroupActivityOpinion, { title: '收集的群众意见' }),
  },
  { title: '小组活动' },
);

export const GroupMemberPerformance = Type.Object(
  {
    representative: Ref('代表'),
    role: StringEnum(GROUP_ROLES, { title: '职务（组长/副组长/组员）' }),
    status: Type.String({ title: '代表状态' }),
    /** At the group's own activities of the year. */
    attendance: Attendance('小组活动出勤', 'At the group’s own activities of the year'),
    upcoming: Count('待参加', 'Invitations to the group’s activities still to come'),
  },
  { title: '小组成员' },
);

export const GroupPerformance = Type.Object({
  group: Type.Object(
    {
      id: Type.Integer(),
      code: Type.String({ title: '编码' }),
      name: Type.String({ title: '名称' }),
      kind: StringEnum(GROUP_KINDS, { title: '类型（地域/专业）' }),
      jurisdiction: Ref('所属辖区'),
    },
    { title: '代表小组' },
  ),
  year: Type.Integer({ title: '年度' }),
  totals: Type.Object(
    {
      members: Count('成员数'),
      activities: Count('活动数', 'Live activities the group organised that start in the year (Beijing)'),
      held: Count('已开展'),
      suggestions: Count('形成建议数'),
      reports: Count('形成报告数'),
      opinions: Count('收集群众意见数'),
      attendance: Attendance('出勤', 'Every invitation to the group’s activities'),
      membersAttendance: Attendance('成员出勤', 'The members’ invitations to the group’s activities'),
    },
    { title: '合计' },
  ),
  members: Type.Array(GroupMemberPerformance, { title: '小组成员' }),
  /** Newest first. */
  activities: Type.Array(GroupActivity, { title: '小组活动' }),
});
export type GroupPerformance = Static<typeof GroupPerformance>;

export const GridCoverageQuery = Type.Object(
  {
    /** Only the grids of this jurisdiction and below (within the caller's). */
    jurisdictionId: Type.Optional(Type.Integer({ title: '辖区', minimum: 1 })),
  },
  { additionalProperties: false },
);
export type GridCoverageQuery = Static<typeof GridCoverageQuery>;

export const GridGap = Type.Object(
  {
    grid: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() }, { title: '网格' }),
    jurisdiction: Ref('所属辖区'),
    station: Nullable(Ref('所属联络站')),
    /** Representatives assigned who are not serving (suspended or terminated). */
    inactiveMembers: Count('不在任的代表数'),
  },
  { title: '未覆盖的网格' },
);

export const GridCoverage = Type.Object({
  scope: Ref('统计范围'),
  totals: Type.Object(
    {
      grids: Count('网格数'),
      covered: Count('已覆盖', 'Grids with at least one active representative assigned'),
      uncovered: Count('未覆盖'),
      coverageRate: Nullable(Type.Number({ title: '覆盖率', description: 'covered / grids' })),
    },
    { title: '合计' },
  ),
  /** By each grid's own jurisdiction (a township or street, usually), in tree order. */
  byJurisdiction: Type.Array(
    Type.Object(
      { jurisdiction: Ref('辖区'), grids: Count('网格数'), uncovered: Count('未覆盖') },
      { title: '按辖区' },
    ),
    { title: '按辖区' },
  ),
  /** Every grid with no active representative, in tree order then by code. */
  gaps: Type.Array(GridGap, { title: '未覆盖的网格' }),
});
export type GridCoverage = Static<typeof GridCoverage>;
