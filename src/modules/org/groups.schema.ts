/** Representative groups (代表小组): regional and professional, with cross-membership. */
import { Type, type Static } from 'typebox';
import { Code, LongText, Nullable, Page, PlainText, StringEnum } from '../../platform/http/schemas.ts';
import { CONGRESS_LEVELS, GROUP_KINDS, GROUP_ROLES } from './org.domain.ts';
import { OrgListQuery, Ref } from './org.schema.ts';

export const GroupListItem = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  kind: StringEnum(GROUP_KINDS),
  jurisdiction: Ref,
  theme: Nullable(Type.String()),
  memberCount: Type.Integer(),
  leader: Nullable(Ref),
});
export type GroupListItem = Static<typeof GroupListItem>;

/** A member as group, station and grid pages list them. */
export const MemberView = Type.Object({
  representativeId: Type.Integer(),
  name: Type.String(),
  code: Type.String(),
  jurisdiction: Ref,
  levels: Type.Array(StringEnum(CONGRESS_LEVELS)),
  status: Type.String(),
});

export const GroupView = Type.Object({
  ...GroupListItem.properties,
  description: Nullable(Type.String()),
  members: Type.Array(Type.Object({ ...MemberView.properties, role: StringEnum(GROUP_ROLES) })),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type GroupView = Static<typeof GroupView>;

export const GroupPage = Page(GroupListItem);

export const GroupListQuery = Type.Object(
  { ...OrgListQuery, kind: Type.Optional(StringEnum(GROUP_KINDS, { title: '类型' })) },
  { additionalProperties: false },
);
export type GroupListQuery = Static<typeof GroupListQuery>;

const groupFields = {
  code: Code(),
  name: PlainText({ title: '名称', maxLength: 100 }),
  kind: StringEnum(GROUP_KINDS, { title: '类型' }),
  jurisdictionId: Type.Integer({ title: '所属辖区', minimum: 1 }),
  theme: Type.Optional(Nullable(PlainText({ title: '专业领域', maxLength: 100 }))),
  description: Type.Optional(Nullable(LongText({ title: '简介', maxLength: 2000 }))),
};
export const CreateGroupBody = Type.Object(groupFields, { additionalProperties: false });
export type CreateGroupBody = Static<typeof CreateGroupBody>;
export const UpdateGroupBody = Type.Partial(Type.Object(groupFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateGroupBody = Static<typeof UpdateGroupBody>;

export const GroupMemberInput = Type.Object(
  {
    representativeId: Type.Integer({ title: '代表', minimum: 1 }),
    role: Type.Optional(StringEnum(GROUP_ROLES, { title: '职务' })),
  },
  { additionalProperties: false },
);
export type GroupMemberInput = Static<typeof GroupMemberInput>;

/** PUT …/members replaces the whole roster. */
export const SetGroupMembersBody = Type.Object(
  { members: Type.Array(GroupMemberInput, { title: '成员', maxItems: 2000 }) },
  { additionalProperties: false },
);
export type SetGroupMembersBody = Static<typeof SetGroupMembersBody>;

export const MemberParams = Type.Object(
  { id: Type.Integer({ minimum: 1 }), representativeId: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
