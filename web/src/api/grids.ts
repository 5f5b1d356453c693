/** Grids (网格) and the representatives assigned to them. */
import { http } from './client.ts';
import type {
  CreateGridBody,
  GridListItem,
  GridListQuery,
  GridView,
  Ok,
  Page,
  UpdateGridBody,
} from './types.ts';

export const listGrids = (query: GridListQuery) => http.get<Page<GridListItem>>('/grids', query);
export const getGrid = (id: number) => http.get<GridView>(`/grids/${id}`);
export const createGrid = (body: CreateGridBody) => http.post<GridView>('/grids', body);
export const updateGrid = (id: number, body: UpdateGridBody) => http.patch<GridView>(`/grids/${id}`, body);
export const deleteGrid = (id: number) => http.delete<Ok>(`/grids/${id}`);
export const setGridMembers = (id: number, representativeIds: number[]) =>
  http.put<GridView>(`/grids/${id}/members`, { representativeIds });
export const addGridMember = (id: number, representativeId: number) =>
  http.post<GridView>(`/grids/${id}/members`, { representativeId });
export const removeGridMember = (id: number, representativeId: number) =>
  http.delete<GridView>(`/grids/${id}/members/${representativeId}`);
