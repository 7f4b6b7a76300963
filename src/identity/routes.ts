/** Login, logout, who am I, change my password. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/record.js';
import type { Database } from '../database/prisma.js';
import { ApiError } from '../http/api-error.js';
import { checkLogin } from './login.js';
import { hashPassword, passwordSchema, verifyPassword } from './passwords.js';
import { ROLES } from './roles.js';
import { createSession, endOtherSessions, endSession, SESSION_COOKIE } from './sessions.js';

export const userView = z.object({
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  department: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }).nullable(),
  mustChangePassword: z.boolean(),
});
const sessionView = z.object({ user: userView, csrfToken: z.string() });

type UserRow = { username: string; displayName: string; roles: (typeof ROLES)[number][]; mustChangePassword: boolean; department: { code: string; nameZh: string; nameEn: string } | null };

export function toUserView(user: UserRow): z.infer<typeof userView> {
  return {
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    department: user.department ? { code: user.department.code, nameZh: user.department.nameZh, nameEn: user.department.nameEn } : null,
    mustChangePassword: user.mustChangePassword,
  };
}

export const authRoutes =
  (database: Database, options: { secureCookie: boolean; loginRateLimit: number }): FastifyPluginAsyncZod =>
  async (app) => {
    const cookieOptions = { httpOnly: true, sameSite: 'strict' as const, secure: options.secureCookie, path: '/' };

    app.post(
      '/api/auth/login',
      {
        config: { access: 'public', rateLimit: { max: options.loginRateLimit, timeWindow: '1 minute' } },
        schema: {
          tags: ['identity'],
          summary: '登录 / log in',
          body: z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) }),
          response: { 200: sessionView },
        },
      },
      async (request, reply) => {
        const user = await checkLogin(database, request.body.username, request.body.password);
        const session = await createSession(database, user.id);
        const full = await database.user.findUniqueOrThrow({ where: { id: user.id }, include: { department: true } });
        await recordAudit(database, { actor: user.username, action: 'identity.login', subject: `user:${user.username}`, details: { ip: request.ip } });
        reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions, expires: session.expiresAt });
        return { user: toUserView(full), csrfToken: session.csrfToken };
      },
    );

    app.get(
      '/api/auth/me',
      { config: { access: 'public' }, schema: { tags: ['identity'], summary: '当前用户 / the logged-in user', response: { 200: sessionView } } },
      async (request) => {
        if (!request.principal) throw new ApiError(401, 'UNAUTHENTICATED', '请先登录', 'please log in');
        const user = await database.user.findUniqueOrThrow({ where: { username: request.principal.userId }, include: { department: true } });
        return { user: toUserView(user), csrfToken: request.csrfToken! };
      },
    );

    app.post(
      '/api/auth/logout',
      { config: { access: { roles: [...ROLES] } }, schema: { tags: ['identity'], summary: '退出登录 / log out', response: { 204: z.null() } } },
      async (request, reply) => {
        await endSession(database, request.sessionToken!);
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/auth/password',
      {
        config: { access: { roles: [...ROLES] } },
        schema: {
          tags: ['identity'],
          summary: '修改密码 / change my password',
          body: z.object({ currentPassword: z.string().min(1), newPassword: passwordSchema }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const user = await database.user.findUniqueOrThrow({ where: { username: request.principal!.userId } });
        if (!(await verifyPassword(user.passwordHash, request.body.currentPassword))) {
          throw new ApiError(400, 'WRONG_PASSWORD', '当前密码不正确', 'the current password is wrong');
        }
        if (request.body.newPassword === request.body.currentPassword) {
          throw new ApiError(400, 'SAME_PASSWORD', '新密码不能与当前密码相同', 'the new password must differ from the current one');
        }
        await database.user.update({
          where: { id: user.id },
          data: { passwordHash: await hashPassword(request.body.newPassword), mustChangePassword: false, passwordChangedAt: new Date() },
        });
        await endOtherSessions(database, user.id, request.sessionToken);
        await recordAudit(database, { actor: user.username, action: 'identity.password.change', subject: `user:${user.username}` });
        return reply.status(204).send(null);
      },
    );
  };
