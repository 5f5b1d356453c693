/**
 * What each role may do. Pure predicates over the actor; routes declare the permission they
 * need and the access hook checks it (see platform/http/access.ts). Which rows an actor may
 * touch is the jurisdiction scope's business (platform/db/scope.ts), not this table's.
 */
import type { Actor, Role } from './auth.domain.ts';

export const PERMISSIONS = [
  'jurisdictions.read', // the jurisdiction tree's names: every account needs it (filters, account binding)
  'org.read', // see the organisation: jurisdictions, representatives, stations, units …
  'org.write', // create, edit, delete and import organisation records; look up accounts to assign (liaison officers)
  'org.reveal_phone', // see a representative's or unit contact's full phone number (audited)
  'opinions.read', // the opinions the actor's role lets them see (scope per role: opinions.visibility.ts)
  'opinions.intake', // register an opinion on a citizen's behalf (reception days, visits, calls)
  'opinions.act', // take the state machine's actions; which ones is decided per item (opinions.domain.ts)
  'opinions.reveal_contact', // see a submitter's name and phone in clear (audited); units only for their items
  'opinions.export_contact', // export the ledger with contact details (audited)
  'dashboard.read', // KPIs and the ledger summaries
  'suggestions.read', // the suggestions the actor's role lets them see (suggestions.visibility.ts)
  'suggestions.draft', // draft a suggestion or motion (staff: file a paper one for a representative)
  'suggestions.act', // the state machine's actions and records; which ones is decided per case
  'suggestions.configure', // the refusal reasons
  'suggestions.report', // statistics, exports and the yearly report
  'activities.read', // the activities the actor's role lets them see (activities.visibility.ts)
  'activities.manage', // create activities, invite, decide leave, record attendance (per activity: canManage)
  'activities.participate', // a representative's own sign-up, leave request and check-in
  'activities.configure', // the activity types
  'performance.read', // scores, requirements and archives (a representative: their own)
  'performance.manage', // scoring rules, recomputation, excellent suggestions, disclosures, honours
  'calendar.write', // load or reset a year of the working-day calendar
  'users.read',
  'users.write', // create accounts, edit their profile, disable them
  'users.security', // unlock, reset passwords, grant and revoke roles
  'audit.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const BUSINESS_READ: Permission[] = ['jurisdictions.read', 'org.read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  representative: [
    ...BUSINESS_READ,
    'opinions.read',
    'opinions.intake',
    'opinions.act',
    'suggestions.read',
    'suggestions.draft',
    'suggestions.act',
    'activities.read',
    'activities.participate',
    'performance.read',
  ],
  liaison_officer: [
    ...BUSINESS_READ,
    'opinions.read',
    'opinions.intake',
    'opinions.act',
    'opinions.reveal_contact',
    'dashboard.read',
    'activities.read',
    'activities.manage',
  ],
  unit_staff: [
    ...BUSINESS_READ,
    'opinions.read',
    'opinions.act',
    'opinions.reveal_contact',
    'suggestions.read',
    'suggestions.act',
  ],
  leader: [
    ...BUSINESS_READ,
    'opinions.read',
    'dashboard.read',
    'suggestions.read',
    'suggestions.report',
    'activities.read',
    'performance.read',
  ],
  congress_staff: [
    'jurisdictions.read',
    'org.read',
    'org.write',
    'org.reveal_phone',
    'opinions.read',
    'opinions.intake',
    'opinions.act',
    'opinions.reveal_contact',
    'opinions.export_contact',
    'dashboard.read',
    'suggestions.read',
    'suggestions.draft',
    'suggestions.act',
    'suggestions.configure',
    'suggestions.report',
    'activities.read',
    'activities.manage',
    'activities.configure',
    'performance.read',
    'performance.manage',
  ],
  // The system administrator runs accounts and needs the organisation to bind them to it.
  sys_admin: ['jurisdictions.read', 'org.read', 'users.read', 'users.write', 'calendar.write'],
  security_admin: ['jurisdictions.read', 'users.read', 'users.security'],
  audit_admin: ['jurisdictions.read', 'audit.read'],
};

export function can(actor: Actor, permission: Permission): boolean {
  return actor.roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}

/** Every permission the actor holds, for the client to shape its menu. */
export function permissionsOf(actor: Actor): Permission[] {
  return PERMISSIONS.filter((p) => can(actor, p));
}
