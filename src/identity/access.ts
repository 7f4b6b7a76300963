/**
 * Every /api route declares who may call it (`config.access`); a route without a
 * declaration refuses to register, so nothing is open by accident. The caller is the
 * user of the session cookie; state-changing requests must also carry the session's
 * CSRF token in the X-CSRF-Token header.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../database/prisma.js';
import { ApiError } from '../http/api-error.js';
import type { Principal, Role } from './roles.js';
import { CSRF_HEADER, resolveSession, SESSION_COOKIE } from './sessions.js';

export type Access = 'public' | { roles: Role[] };

export interface RouteRule {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** Every /api route with its access rule (the authorization matrix; README, tests). */
    routeRules: RouteRule[];
  }
  interface FastifyRequest {
    principal?: Principal;
    sessionToken?: string;
    csrfToken?: string;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The session's user, if the request carries a valid session cookie. */
async function authenticate(request: FastifyRequest, database: Database): Promise<{ principal: Principal; csrfToken: string; token: string } | undefined> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return undefined;
  const session = await resolveSession(database, token);
  if (!session) return undefined;
  const { user } = session;
  return {
    token,
    csrfToken: session.csrfToken,
    principal: { userId: user.username, displayName: user.displayName, roles: user.roles, department: user.departmentCode ?? undefined },
  };
}

export function installAccessControl(app: FastifyInstance, database: Database): void {
  const rules: RouteRule[] = [];
  app.decorate('routeRules', rules);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no access rule`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') rules.push({ method, url: route.url, access });
  });

  // Before validation: a caller without the right gets 401/403, never a 400 describing the body.
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access) return;
    const session = await authenticate(request, database);
    if (session) {
      request.principal = session.principal;
      request.sessionToken = session.token;
      request.csrfToken = session.csrfToken;
    }
    if (access === 'public') return;
    if (!session) throw new ApiError(401, 'UNAUTHENTICATED', '请先登录', 'please log in');
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) {
        throw new ApiError(403, 'CSRF_TOKEN_INVALID', '请求缺少有效的 CSRF 令牌，请刷新页面', 'missing or wrong CSRF token; reload the page');
      }
    }
    if (!session.principal.roles.some((role) => access.roles.includes(role))) {
      throw new ApiError(403, 'FORBIDDEN', '您的角色无权执行此操作', 'your role may not do this', { required: access.roles });
    }
  });
}
