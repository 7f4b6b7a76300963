import { STAFF_ROLES, hasAnyRole, type SessionUser } from './types.js';

/** Where a user lands after login and on an unknown address (applicants: their applications). */
export function homePath(user: SessionUser | null): string {
  if (hasAnyRole(user, STAFF_ROLES)) return '/inbox';
  if (hasAnyRole(user, ['admin'])) return '/admin';
  if (hasAnyRole(user, ['designer'])) return '/designer';
  if (hasAnyRole(user, ['citizen'])) return '/applications';
  return '/status';
}
