/** Request and response schemas of account management. */
import { Type, type Static } from 'typebox';
import { Id, Nullable, Page, PagingQuery, PlainText, StringEnum } from '../../platform/http/schemas.ts';
import { ROLES } from './auth.domain.ts';
import { Username } from './auth.schema.ts';

const RoleSchema = StringEnum(ROLES, { title: '角色' });

export const UserView = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(RoleSchema),
  jurisdiction: Type.Object({ id: Type.Integer(), name: Type.String() }),
  representativeId: Nullable(Type.Integer()),
  unitId: Nullable(Type.Integer()),
  status: StringEnum(['active', 'disabled'] as const),
  locked: Type.Boolean(),
  lockedUntil: Nullable(Type.String()),
  failedLogins: Type.Integer(),
  passwordChangedAt: Type.String(),
  lastLoginAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type UserView = Static<typeof UserView>;

export const UserPage = Page(UserView);

export const UserListQuery = Type.Object(
  {
    ...PagingQuery,
    q: Type.Optional(Type.String({ title: '关键词', maxLength: 50 })),
    role: Type.Optional(RoleSchema),
    jurisdictionId: Type.Optional(Id),
    status: Type.Optional(StringEnum(['active', 'disabled'] as const, { title: '状态' })),
    locked: Type.Optional(Type.Boolean({ title: '是否锁定' })),
  },
  { additionalProperties: false },
);
export type UserListQuery = Static<typeof UserListQuery>;

export const CreateUserBody = Type.Object(
  {
    username: Username,
    displayName: PlainText({ title: '姓名', maxLength: 50 }),
    password: Type.String({ title: '初始密码', minLength: 1, maxLength: 128 }),
    roles: Type.Array(RoleSchema, { title: '角色', minItems: 1, maxItems: 8, uniqueItems: true }),
    jurisdictionId: Type.Integer({ title: '所属辖区', minimum: 1 }),
    representativeId: Type.Optional(Nullable(Type.Integer({ title: '关联代表', minimum: 1 }))),
    unitId: Type.Optional(Nullable(Type.Integer({ title: '关联承办单位', minimum: 1 }))),
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(PlainText({ title: '姓名', maxLength: 50 })),
    jurisdictionId: Type.Optional(Type.Integer({ title: '所属辖区', minimum: 1 })),
    representativeId: Type.Optional(Nullable(Type.Integer({ title: '关联代表', minimum: 1 }))),
    unitId: Type.Optional(Nullable(Type.Integer({ title: '关联承办单位', minimum: 1 }))),
    status: Type.Optional(StringEnum(['active', 'disabled'] as const, { title: '状态' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const SetRolesBody = Type.Object(
  { roles: Type.Array(RoleSchema, { title: '角色', minItems: 1, maxItems: 8, uniqueItems: true }) },
  { additionalProperties: false },
);

export const ResetPasswordBody = Type.Object(
  { password: Type.String({ title: '临时密码', minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);

/** GET /users/directory: accounts of one business role in the caller's scope, to assign them (e.g. a station's liaison officer). */
export const DirectoryQuery = Type.Object(
  {
    role: StringEnum(
      ['liaison_officer', 'representative', 'unit_staff', 'congress_staff', 'leader'] as const,
      { title: '角色' },
    ),
    q: Type.Optional(Type.String({ title: '关键词', maxLength: 50 })),
  },
  { additionalProperties: false },
);
export type DirectoryQuery = Static<typeof DirectoryQuery>;

export const DirectoryEntry = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  jurisdiction: Type.Object({ id: Type.Integer(), name: Type.String() }),
});
export const Directory = Type.Object({ items: Type.Array(DirectoryEntry) });
