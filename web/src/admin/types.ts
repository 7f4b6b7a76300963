import type { Role } from '../session/types.js';

/** Shapes of the admin API (src/identity/admin-routes.ts). */
export type DepartmentLevel = 'city' | 'county' | 'township';
export const DEPARTMENT_LEVELS: readonly DepartmentLevel[] = ['city', 'county', 'township'];

export interface Department {
  code: string;
  nameZh: string;
  nameEn: string;
  level: DepartmentLevel;
  parentCode: string | null;
  active: boolean;
}

export interface AdminUser {
  username: string;
  displayName: string;
  roles: Role[];
  departmentCode: string | null;
  active: boolean;
  locked: boolean;
  mustChangePassword: boolean;
}

export const DEPARTMENT_CODE_PATTERN = /^[a-z][a-z0-9-]{1,40}$/;
export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,40}$/;
