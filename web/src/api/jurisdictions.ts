/** Jurisdictions (行政区划). */
import { http } from './client.ts';
import type {
  CreateJurisdictionBody,
  JurisdictionListQuery,
  JurisdictionTree,
  JurisdictionView,
  Ok,
  Page,
  UpdateJurisdictionBody,
} from './types.ts';

export const getJurisdictionTree = () => http.get<JurisdictionTree>('/jurisdictions/tree');
export const listJurisdictions = (query: JurisdictionListQuery) =>
  http.get<Page<JurisdictionView>>('/jurisdictions', query);
export const getJurisdiction = (id: number) => http.get<JurisdictionView>(`/jurisdictions/${id}`);
export const createJurisdiction = (body: CreateJurisdictionBody) =>
  http.post<JurisdictionView>('/jurisdictions', body);
export const updateJurisdiction = (id: number, body: UpdateJurisdictionBody) =>
  http.patch<JurisdictionView>(`/jurisdictions/${id}`, body);
export const deleteJurisdiction = (id: number) => http.delete<Ok>(`/jurisdictions/${id}`);
