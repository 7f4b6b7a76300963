/**
 * Every /api route declares who may call it (`config.access`); a route without a
 * declaration refuses to register, so nothing is open by accident.
 *
 * Until accounts and sessions exist (identity issue), the only principal is the
 * bootstrap administrator, authenticated with HTTP basic auth against the credentials
 * from the environment (or the generated development default).
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../http/api-error.js';
import type { Principal, Role } from './roles.js';

export type Access = 'public' | { roles: Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

export interface Credentials {
  user: string;
  password: string;
}

function sameSecret(a: string, b: string): boolean {
  // Hash first so the comparison takes the same time whatever the lengths.
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

function authenticate(request: FastifyRequest, admin: Credentials): Principal | undefined {
  const header = request.headers.authorization;
  if (!header?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0) return undefined;
  const user = decoded.slice(0, separator);
  const password = decoded.slice(separator + 1);
  if (sameSecret(user, admin.user) && sameSecret(password, admin.password)) {
    return { userId: admin.user, roles: ['admin'] };
  }
  return undefined;
}

export function installAccessControl(app: FastifyInstance, admin: Credentials): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no access rule`);
  });

  app.addHook('preHandler', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || access === 'public') return;
    const principal = authenticate(request, admin);
    if (!principal) {
      throw new ApiError(401, 'UNAUTHENTICATED', '请先登录', 'authentication required');
    }
    if (!principal.roles.some((role) => access.roles.includes(role))) {
      throw new ApiError(403, 'FORBIDDEN', '无权执行此操作', 'your role may not do this', { required: access.roles });
    }
    request.principal = principal;
  });
}
