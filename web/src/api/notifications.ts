/** The in-app inbox behind the header's bell. */
import { http } from './client.ts';
import type { NotificationPage, NotificationQuery, NotificationsRead } from './types.ts';

export const listNotifications = (query: NotificationQuery, signal?: AbortSignal) =>
  http.get<NotificationPage>('/notifications', query, signal);
export const markNotificationRead = (id: number) => http.post<NotificationsRead>(`/notifications/${id}/read`);
export const markAllNotificationsRead = () => http.post<NotificationsRead>('/notifications/read-all');
