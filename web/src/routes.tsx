import type { ComponentType, ReactNode } from 'react';
import { DashboardOutlined, InboxOutlined, SettingOutlined } from '@ant-design/icons';
import { AdminPage } from './admin/AdminPage.js';
import { CaseFilePage } from './cases/CaseFilePage.js';
import type { Messages } from './i18n/index.js';
import { InboxPage } from './inbox/InboxPage.js';
import { matchPath, navigate } from './navigation.js';
import type { PageProps } from './pageProps.js';
import { ChangePasswordPage } from './session/ChangePasswordPage.js';
import { LoginPage } from './session/LoginPage.js';
import { STAFF_ROLES, type Role } from './session/types.js';
import { StatusPage } from './status/StatusPage.js';

export { navigate };

/**
 * Who may open a route: everyone (`public`), any logged-in user (`user`), or the listed
 * roles. The API checks again on every call; this only spares users pages they cannot use.
 */
export type RouteAccess = 'public' | 'user' | readonly Role[];

export interface AppRoute {
  /** Hash path pattern, e.g. "/cases/:caseId" for "#/cases/…". */
  path: string;
  /** Present for routes listed in the side menu. */
  navKey?: keyof Messages['nav'];
  icon?: ReactNode;
  access: RouteAccess;
  Page: ComponentType<PageProps>;
}

/** One entry per page; the menu, the access guard and the content switch are all driven from here. */
export const routes: readonly AppRoute[] = [
  { path: '/status', navKey: 'status', icon: <DashboardOutlined />, access: 'public', Page: StatusPage },
  { path: '/inbox', navKey: 'inbox', icon: <InboxOutlined />, access: STAFF_ROLES, Page: InboxPage },
  { path: '/cases/:caseId', access: [...STAFF_ROLES, 'supervisor'], Page: CaseFilePage },
  { path: '/admin', navKey: 'admin', icon: <SettingOutlined />, access: ['admin'], Page: AdminPage },
  { path: '/login', access: 'public', Page: LoginPage },
  { path: '/password', access: 'user', Page: ChangePasswordPage },
];

export interface RouteMatch {
  route: AppRoute;
  params: Record<string, string>;
}

export function findRoute(path: string): RouteMatch | undefined {
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return undefined;
}

export function mayOpen(access: RouteAccess, roles: readonly Role[] | null): boolean {
  if (access === 'public') return true;
  if (roles === null) return false;
  if (access === 'user') return true;
  return roles.some((role) => access.includes(role));
}
