/** Liaison stations (家站点) and their rosters. */
import { http } from './client.ts';
import type {
  CreateStationBody,
  Ok,
  Page,
  StationListItem,
  StationListQuery,
  StationView,
  UpdateStationBody,
} from './types.ts';

export const listStations = (query: StationListQuery) => http.get<Page<StationListItem>>('/stations', query);
export const getStation = (id: number) => http.get<StationView>(`/stations/${id}`);
export const createStation = (body: CreateStationBody) => http.post<StationView>('/stations', body);
export const updateStation = (id: number, body: UpdateStationBody) =>
  http.patch<StationView>(`/stations/${id}`, body);
export const deleteStation = (id: number) => http.delete<Ok>(`/stations/${id}`);
export const setStationMembers = (id: number, representativeIds: number[]) =>
  http.put<StationView>(`/stations/${id}/members`, { representativeIds });
export const addStationMember = (id: number, representativeId: number) =>
  http.post<StationView>(`/stations/${id}/members`, { representativeId });
export const removeStationMember = (id: number, representativeId: number) =>
  http.delete<StationView>(`/stations/${id}/members/${representativeId}`);
