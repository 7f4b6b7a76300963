import type { ComponentType, ReactNode } from 'react';
import { ApartmentOutlined, DashboardOutlined, EditOutlined, FileSearchOutlined, InboxOutlined, KeyOutlined, ProfileOutlined, SafetyCertificateOutlined, SettingOutlined, SwapOutlined } from '@ant-design/icons';
import { AdminPage } from './admin/AdminPage.js';
import { ApplyPage } from './applications/ApplyPage.js';
import { MyApplicationsPage } from './applications/MyApplicationsPage.js';
import { ServiceGuidePage } from './applications/ServiceGuidePage.js';
import { CaseFilePage } from './cases/CaseFilePage.js';
import { DesignerPage } from './designer/DesignerPage.js';
import type { Messages } from './i18n/index.js';
import { InboxPage } from './inbox/InboxPage.js';
import { KeysPage } from './keys/KeysPage.js';
import { MigrationsPage } from './migrations/MigrationsPage.js';
import { matchPath, navigate } from './navigation.js';
import type { PageProps } from './pageProps.js';
import { ChangePasswordPage } from './session/ChangePasswordPage.js';
import { LoginPage } from './session/LoginPage.js';
import { STAFF_ROLES, type Role } from './session/types.js';
import { SignCountBadge } from './sign/SignCountBadge.js';
import { SignDocumentPage } from './sign/SignDocumentPage.js';
import { SignListPage } from './sign/SignListPage.js';
import { StatusPage } from './status/StatusPage.js';
import { VerifyPage } from './verify/VerifyPage.js';

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
  /** For a page under a menu entry (a case under the inbox): the entry's path, highlighted while it is open. */
  menuParent?: string;
  /** Shown after the menu label, e.g. a count of things waiting. */
  Badge?: ComponentType;
  access: RouteAccess;
  /** Who sees the menu entry, when fewer than may open the page (default: `access`). */
  menuAccess?: RouteAccess;
  Page: ComponentType<PageProps>;
}

/** One entry per page; the menu, the access guard and the content switch are all driven from here. */
export const routes: readonly AppRoute[] = [
  { path: '/status', navKey: 'status', icon: <DashboardOutlined />, access: 'public', Page: StatusPage },
  { path: '/inbox', navKey: 'inbox', icon: <InboxOutlined />, access: STAFF_ROLES, Page: InboxPage },
  { path: '/cases/:caseId', menuParent: '/inbox', access: [...STAFF_ROLES, 'supervisor'], Page: CaseFilePage },
  // Applicants apply online; the window may take an application in on their behalf (reached from its inbox).
  { path: '/apply', navKey: 'apply', icon: <FileSearchOutlined />, access: ['citizen', 'clerk'], menuAccess: ['citizen'], Page: ServiceGuidePage },
  { path: '/apply/:code', menuParent: '/apply', access: ['citizen', 'clerk'], Page: ApplyPage },
  { path: '/applications', navKey: 'applications', icon: <ProfileOutlined />, access: ['citizen'], Page: MyApplicationsPage },
  { path: '/sign', navKey: 'sign', icon: <EditOutlined />, Badge: SignCountBadge, access: 'user', Page: SignListPage },
  { path: '/sign/:number', menuParent: '/sign', access: 'user', Page: SignDocumentPage },
  { path: '/keys', navKey: 'keys', icon: <KeyOutlined />, access: 'user', Page: KeysPage },
  // Public: anyone holding a document (a citizen, a bank, a court) must be able to check it without an account.
  { path: '/verify', navKey: 'verify', icon: <SafetyCertificateOutlined />, access: 'public', Page: VerifyPage },
  { path: '/verify/:number', menuParent: '/verify', access: 'public', Page: VerifyPage },
  // Procedures: designers draw, lint and deploy them; moving running cases to a new version is for administrators.
  { path: '/designer', navKey: 'designer', icon: <ApartmentOutlined />, access: ['designer', 'admin'], Page: DesignerPage },
  { path: '/migrations', navKey: 'migrations', icon: <SwapOutlined />, access: ['admin'], Page: MigrationsPage },
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
