/** Request and response schemas of sign-in, sign-out and the session. */
import { Type, type Static } from 'typebox';
import { Nullable, StringEnum } from '../../platform/http/schemas.ts';
import { PERMISSIONS } from './auth.policy.ts';
import { ROLES } from './auth.domain.ts';

export const Username = Type.String({
  title: '用户名',
  minLength: 3,
  maxLength: 64,
  pattern: '^[A-Za-z0-9][A-Za-z0-9._@-]*$',
  'x-hint-zh': '只能包含字母、数字和 . _ @ -',
  'x-hint-en': 'may contain only letters, digits and . _ @ -',
});

export const LoginBody = Type.Object(
  {
    username: Type.String({ title: '用户名', minLength: 1, maxLength: 64 }),
    password: Type.String({ title: '密码', minLength: 1, maxLength: 128 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ title: '当前密码', minLength: 1, maxLength: 128 }),
    newPassword: Type.String({ title: '新密码', minLength: 1, maxLength: 128 }),
  },
  { additionalProperties: false },
);

export const SessionUser = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(StringEnum(ROLES)),
  permissions: Type.Array(StringEnum(PERMISSIONS)),
  jurisdiction: Type.Object({ id: Type.Integer(), name: Type.String(), path: Type.String() }),
  representativeId: Nullable(Type.Integer()),
  unitId: Nullable(Type.Integer()),
  passwordExpired: Type.Boolean(),
});
export type SessionUser = Static<typeof SessionUser>;

export const SessionResponse = Type.Object({
  user: Nullable(SessionUser),
  /** Send this as the x-csrf-token header on every state-changing request. */
  csrfToken: Type.String(),
  idleMinutes: Type.Integer(),
});
