/** Row types of accounts, roles and sessions. */
import type { Generated } from 'kysely';

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  jurisdiction_id: number;
  representative_id: number | null;
  unit_id: number | null;
  status: 'active' | 'disabled';
  failed_logins: number;
  locked_until: string | null;
  password_changed_at: string;
  last_login_at: string | null;
  /** Where e-mail notifications go (optional). */
  email: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: number;
  role: string;
}

export interface SessionTable {
  /** SHA-256 of the session token; the token itself lives only in the user's cookie. */
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface AuthTables {
  app_user: AppUserTable;
  user_role: UserRoleTable;
  session: SessionTable;
}
