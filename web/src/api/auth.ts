/** Sign-in, sign-out, the session and one's own password. */
import { http } from './client.ts';
import type { Ok, SessionResponse } from './types.ts';

export const getSession = (signal?: AbortSignal) => http.get<SessionResponse>('/auth/me', undefined, signal);
export const login = (username: string, password: string) =>
  http.post<SessionResponse>('/auth/login', { username, password });
export const logout = () => http.post<Ok>('/auth/logout');
export const changePassword = (currentPassword: string, newPassword: string) =>
  http.post<Ok>('/auth/password', { currentPassword, newPassword });
