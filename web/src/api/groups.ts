/** Representative groups (代表小组) and their members. */
import { http } from './client.ts';
import type {
  CreateGroupBody,
  GroupListItem,
  GroupListQuery,
  GroupMemberInput,
  GroupView,
  Ok,
  Page,
  UpdateGroupBody,
} from './types.ts';

export const listGroups = (query: GroupListQuery) => http.get<Page<GroupListItem>>('/groups', query);
export const getGroup = (id: number) => http.get<GroupView>(`/groups/${id}`);
export const createGroup = (body: CreateGroupBody) => http.post<GroupView>('/groups', body);
export const updateGroup = (id: number, body: UpdateGroupBody) =>
  http.patch<GroupView>(`/groups/${id}`, body);
export const deleteGroup = (id: number) => http.delete<Ok>(`/groups/${id}`);
/** Replaces the whole roster. */
export const setGroupMembers = (id: number, members: GroupMemberInput[]) =>
  http.put<GroupView>(`/groups/${id}/members`, { members });
export const addGroupMember = (id: number, member: GroupMemberInput) =>
  http.post<GroupView>(`/groups/${id}/members`, member);
export const removeGroupMember = (id: number, representativeId: number) =>
  http.delete<GroupView>(`/groups/${id}/members/${representativeId}`);
