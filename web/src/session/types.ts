/** Mirrors the API's roles (src/identity/roles.ts); the browser app does not import server code. */
export const ROLES = ['designer', 'clerk', 'reviewer', 'head', 'admin', 'supervisor', 'tenderer', 'bidder', 'expert', 'citizen'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that work a department's inbox. */
export const STAFF_ROLES: readonly Role[] = ['clerk', 'reviewer', 'head'];

export interface SessionDepartment {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** `user` of `GET /api/auth/me` and `POST /api/auth/login`. */
export interface SessionUser {
  username: string;
  displayName: string;
  roles: Role[];
  department: SessionDepartment | null;
  mustChangePassword: boolean;
}

export interface SessionResponse {
  user: SessionUser;
  csrfToken: string;
}

export function hasAnyRole(user: SessionUser | null, roles: readonly Role[]): boolean {
  return user !== null && user.roles.some((role) => roles.includes(role));
}
