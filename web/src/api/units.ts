/** Handling units (承办单位) and the routing table. */
import { http } from './client.ts';
import type {
  CreateUnitBody,
  Ok,
  Page,
  RoutingResult,
  UnitListItem,
  UnitListQuery,
  UnitView,
  UpdateUnitBody,
} from './types.ts';

export const listUnits = (query: UnitListQuery) => http.get<Page<UnitListItem>>('/units', query);
export const getUnit = (id: number) => http.get<UnitView>(`/units/${id}`);
export const createUnit = (body: CreateUnitBody) => http.post<UnitView>('/units', body);
export const updateUnit = (id: number, body: UpdateUnitBody) => http.patch<UnitView>(`/units/${id}`, body);
export const deleteUnit = (id: number) => http.delete<Ok>(`/units/${id}`);
export const routeCategory = (categoryCode: string, jurisdictionId: number) =>
  http.get<RoutingResult>('/routing', { categoryCode, jurisdictionId });
/** The contact's full phone number; the server records who looked. */
export const revealUnitPhone = (id: number) =>
  http.post<{ phone: string | null }>(`/units/${id}/phone/reveal`);
