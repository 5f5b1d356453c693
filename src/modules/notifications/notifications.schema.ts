/** The in-app inbox. */
import { Type, type Static } from 'typebox';
import { Nullable, Page, PagingQuery } from '../../platform/http/schemas.ts';

export const NotificationView = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  link: Nullable(Type.Object({ type: Type.String(), id: Type.Integer() })),
  createdAt: Type.String(),
  readAt: Nullable(Type.String()),
});
export type NotificationView = Static<typeof NotificationView>;

export const NotificationPage = Type.Object({ ...Page(NotificationView).properties, unread: Type.Integer() });

export const NotificationQuery = Type.Object(
  { ...PagingQuery, unread: Type.Optional(Type.Boolean({ title: '仅未读' })) },
  { additionalProperties: false },
);
export type NotificationQuery = Static<typeof NotificationQuery>;

/** POST /notifications/:id/read and /notifications/read-all: what changed and the badge count left. */
export const NotificationsRead = Type.Object({
  /** How many notifications this call marked read (0 when they already were). */
  marked: Type.Integer(),
  unread: Type.Integer(),
});
