/** HTTP: the signed-in user's in-app inbox. Every account has one; nobody reads another's. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/access.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { NotificationPage, NotificationQuery, NotificationsRead } from './notifications.schema.ts';
import { listMyNotifications, readAllNotifications, readNotification } from './notifications.service.ts';

export function notificationRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['notifications'];
    app.get(
      '/notifications',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'My notifications, newest first, with the unread count',
          querystring: NotificationQuery,
          response: { 200: NotificationPage },
        },
      },
      (req) => listMyNotifications(ctx, actorOf(req), req.query),
    );
    app.post(
      '/notifications/:id/read',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Mark one of my notifications read',
          params: IdParams,
          response: { 200: NotificationsRead },
        },
      },
      (req) => readNotification(ctx, actorOf(req), req.params.id),
    );
    app.post(
      '/notifications/read-all',
      {
        config: { access: 'authenticated' },
        schema: { tags, summary: 'Mark all my notifications read', response: { 200: NotificationsRead } },
      },
      (req) => readAllNotifications(ctx, actorOf(req)),
    );
  };
}
