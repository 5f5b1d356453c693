/** Representatives (人大代表). */
import { download, http } from './client.ts';
import type {
  CreateRepresentativeBody,
  Ok,
  Page,
  RepresentativeExportQuery,
  RepresentativeListItem,
  RepresentativeListQuery,
  RepresentativeView,
  UpdateRepresentativeBody,
} from './types.ts';

export const listRepresentatives = (query: RepresentativeListQuery, signal?: AbortSignal) =>
  http.get<Page<RepresentativeListItem>>('/representatives', query, signal);
export const getRepresentative = (id: number) => http.get<RepresentativeView>(`/representatives/${id}`);
export const createRepresentative = (body: CreateRepresentativeBody) =>
  http.post<RepresentativeView>('/representatives', body);
export const updateRepresentative = (id: number, body: UpdateRepresentativeBody) =>
  http.patch<RepresentativeView>(`/representatives/${id}`, body);
export const deleteRepresentative = (id: number) => http.delete<Ok>(`/representatives/${id}`);
/** The full phone number; the server records who looked. */
export const revealRepresentativePhone = (id: number) =>
  http.post<{ phone: string | null }>(`/representatives/${id}/phone/reveal`);
export const exportRepresentatives = (query: RepresentativeExportQuery) =>
  download('/representatives/export', query, `representatives.${query.format ?? 'xlsx'}`);
