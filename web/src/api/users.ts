/** Accounts (system and security administrators). */
import { http } from './client.ts';
import type {
  CreateUserBody,
  DirectoryEntry,
  DirectoryQuery,
  Page,
  UpdateUserBody,
  UserListQuery,
  UserView,
} from './types.ts';
import type { Role } from '../../../src/modules/auth/auth.domain.ts';

export const listUsers = (query: UserListQuery) => http.get<Page<UserView>>('/users', query);
export const getUser = (id: number) => http.get<UserView>(`/users/${id}`);
export const createUser = (body: CreateUserBody) => http.post<UserView>('/users', body);
export const updateUser = (id: number, body: UpdateUserBody) => http.patch<UserView>(`/users/${id}`, body);
export const setUserRoles = (id: number, roles: Role[]) =>
  http.put<UserView>(`/users/${id}/roles`, { roles });
export const unlockUser = (id: number) => http.post<UserView>(`/users/${id}/unlock`);
export const resetUserPassword = (id: number, password: string) =>
  http.post<UserView>(`/users/${id}/reset-password`, { password });
/** Accounts of one role in my scope, to assign them (congress staff: a station's liaison officer). */
export const accountDirectory = (query: DirectoryQuery) =>
  http.get<{ items: DirectoryEntry[] }>('/users/directory', query);
