/**
 * Duty activities (履职活动): the calendar and lists, one activity with its people, the steps a
 * representative takes (sign up, ask for leave, check in), what managers record (leave decisions,
 * attendance, minutes, outputs, photos) and the activity types.
 */
import { API_BASE, http } from './client.ts';
import type {
  ActivityDetail,
  ActivityListItem,
  ActivityListQuery,
  ActivityType,
  ActivityTypeBody,
  CheckinResult,
  CheckinTarget,
  CreateActivityBody,
  Page,
  PhotoInput,
  UpdateActivityBody,
} from './types.ts';

export const listActivities = (query: ActivityListQuery, signal?: AbortSignal) =>
  http.get<Page<ActivityListItem>>('/activities', query, signal);

/**
 * Every activity of a date range (a calendar month), page after page: the list answers at most
 * 200 at a time and a city's month can hold more. Stops at `limit` to keep a runaway range cheap.
 */
export async function listActivitiesInRange(
  query: Omit<ActivityListQuery, 'page' | 'pageSize'>,
  signal?: AbortSignal,
  limit = 1000,
): Promise<{ items: ActivityListItem[]; total: number }> {
  const pageSize = 200;
  const first = await listActivities({ ...query, page: 1, pageSize }, signal);
  const items = [...first.items];
  for (let page = 2; items.length < Math.min(first.total, limit); page++) {
    const next = await listActivities({ ...query, page, pageSize }, signal);
    if (next.items.length === 0) break;
    items.push(...next.items);
  }
  return { items, total: first.total };
}

export const getActivity = (id: number) => http.get<ActivityDetail>(`/activities/${id}`);
export const createActivity = (body: CreateActivityBody) => http.post<ActivityDetail>('/activities', body);
/** Times, place, agenda, minutes; `version` turns a save over someone else's change into a 409. */
export const updateActivity = (id: number, body: UpdateActivityBody) =>
  http.patch<ActivityDetail>(`/activities/${id}`, body);
export const cancelActivity = (id: number, reason: string) =>
  http.post<ActivityDetail>(`/activities/${id}/cancel`, { reason });
export const deleteActivity = (id: number, reason: string) =>
  http.post<ActivityDetail>(`/activities/${id}/delete`, { reason });

// ── People ──
export const inviteParticipants = (id: number, representativeIds: number[], role: 'participant' | 'host') =>
  http.post<ActivityDetail>(`/activities/${id}/participants`, { representativeIds, role });
export const removeParticipant = (id: number, representativeId: number) =>
  http.delete<ActivityDetail>(`/activities/${id}/participants/${representativeId}`);
export const decideLeave = (id: number, representativeId: number, approve: boolean, note?: string) =>
  http.post<ActivityDetail>(`/activities/${id}/participants/${representativeId}/leave`, {
    approve,
    ...(note ? { note } : {}),
  });
/** 补登: attendance recorded by hand, always with the reason. */
export const recordAttendance = (
  id: number,
  body: { representativeId: number; attendance: 'present' | 'absent'; reason: string },
) => http.post<ActivityDetail>(`/activities/${id}/attendance`, body);

// ── The representative's own steps ──
export const signUp = (id: number) => http.post<ActivityDetail>(`/activities/${id}/sign-up`);
export const requestLeave = (id: number, reason: string) =>
  http.post<ActivityDetail>(`/activities/${id}/leave`, { reason });
export const checkinTarget = (code: string) => http.get<CheckinTarget>(`/activities/checkin/${code}`);
export const checkIn = (code: string) => http.post<CheckinResult>(`/activities/checkin/${code}`);

// ── Records ──
export const addOutput = (
  id: number,
  body: { kind: 'suggestion'; suggestionId: number } | { kind: 'report'; title: string },
) => http.post<ActivityDetail>(`/activities/${id}/outputs`, body);
export const addPhotos = (id: number, photos: PhotoInput[]) =>
  http.post<ActivityDetail>(`/activities/${id}/photos`, { photos });
export const photoUrl = (id: number, photoId: number) => `${API_BASE}/activities/${id}/photos/${photoId}`;
export const qrUrl = (id: number, format: 'svg' | 'png') => `${API_BASE}/activities/${id}/qr.${format}`;

// ── Types ──
export const listActivityTypes = (all = false) =>
  http.get<ActivityType[]>('/activities/types', all ? { all: true } : undefined);
export const saveActivityType = (body: ActivityTypeBody) =>
  http.put<ActivityType[]>('/activities/types', body);
