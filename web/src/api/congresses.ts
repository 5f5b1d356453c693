/** Congresses (人民代表大会, per level and term) and the routing categories. */
import { http } from './client.ts';
import type {
  CategoryView,
  CongressListQuery,
  CongressView,
  CreateCongressBody,
  UpdateCongressBody,
} from './types.ts';

/** Lists may come as a bare array or as a page; the console wants the items. */
function itemsOf<T>(body: T[] | { items: T[] }): T[] {
  return Array.isArray(body) ? body : body.items;
}

export const listCongresses = async (query: CongressListQuery = {}) =>
  itemsOf(await http.get<CongressView[] | { items: CongressView[] }>('/congresses', query));
export const createCongress = (body: CreateCongressBody) => http.post<CongressView>('/congresses', body);
export const updateCongress = (id: number, body: UpdateCongressBody) =>
  http.patch<CongressView>(`/congresses/${id}`, body);

export const listCategories = async () =>
  itemsOf(await http.get<CategoryView[] | { items: CategoryView[] }>('/categories'));
export const deleteCongress = (id: number) => http.delete<{ ok: true }>(`/congresses/${id}`);
