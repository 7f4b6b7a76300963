import { useEffect, useSyncExternalStore, type ComponentType, type ReactNode } from 'react';
import { DashboardOutlined } from '@ant-design/icons';
import type { Messages } from './i18n/index.js';
import { StatusPage } from './status/StatusPage.js';

export interface AppRoute {
  /** Hash path, e.g. "/status" for "#/status". */
  path: string;
  navKey: keyof Messages['nav'];
  icon: ReactNode;
  Page: ComponentType;
}

/**
 * One entry per page; the menu and the content switch are both driven from here.
 * Hash routing keeps deep links working behind any static file server without fallback rules.
 */
export const routes: readonly AppRoute[] = [
  { path: '/status', navKey: 'status', icon: <DashboardOutlined />, Page: StatusPage },
];

const fallbackRoute = routes[0]!;

function readHashPath(): string {
  const path = window.location.hash.replace(/^#/, '').split('?')[0] ?? '';
  return path || '/';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function findRoute(path: string): AppRoute | undefined {
  return routes.find((route) => route.path === path);
}

export function navigate(path: string): void {
  window.location.hash = path;
}

/** Current route; unknown paths are rewritten to the first route so the menu always has a selection. */
export function useCurrentRoute(): AppRoute {
  const path = useSyncExternalStore(subscribe, readHashPath);
  const route = findRoute(path);

  useEffect(() => {
    if (!route) window.history.replaceState(null, '', `#${fallbackRoute.path}`);
  }, [route]);

  return route ?? fallbackRoute;
}
