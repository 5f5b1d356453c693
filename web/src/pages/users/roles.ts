/** Which roles the signed-in administrator may grant (三员分立: admin roles only by the security administrator). */
import { ADMIN_ROLES, BUSINESS_ROLES, type Role } from '../../../../src/modules/auth/auth.domain.ts';
import type { Permission } from '../../../../src/modules/auth/auth.policy.ts';

export function grantableRoles(can: (p: Permission) => boolean): Role[] {
  const out: Role[] = [];
  if (can('users.write') || can('users.security')) out.push(...BUSINESS_ROLES);
  if (can('users.security')) out.push(...ADMIN_ROLES);
  return out;
}
