/** Administrators manage departments, users and their roles (audited). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/record.js';
import type { Database } from '../database/prisma.js';
import { ApiError } from '../http/api-error.js';
import { hashPassword, passwordSchema } from './passwords.js';
import { ROLES } from './roles.js';
import { endOtherSessions } from './sessions.js';

const departmentCode = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'must be lower-case letters, digits and "-", e.g. natural-resources');
const departmentView = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  level: z.enum(['city', 'county', 'township']),
  parentCode: z.string().nullable(),
  active: z.boolean(),
});
const adminUserView = z.object({
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  departmentCode: z.string().nullable(),
  active: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
});
const usernameSchema = z.string().regex(/^[a-z][a-z0-9._-]{2,40}$/, 'must be 3–41 lower-case letters, digits, ".", "_" or "-"');

const LEVEL_ORDER = { city: 0, county: 1, township: 2 } as const;
const admins = { access: { roles: ['admin' as const] } };

type UserRow = { username: string; displayName: string; roles: (typeof ROLES)[number][]; departmentCode: string | null; active: boolean; lockedUntil: Date | null; mustChangePassword: boolean };
const toAdminView = (user: UserRow) => ({
  username: user.username,
  displayName: user.displayName,
  roles: user.roles,
  departmentCode: user.departmentCode,
  active: user.active,
  locked: Boolean(user.lockedUntil && user.lockedUntil > new Date()),
  mustChangePassword: user.mustChangePassword,
});

export const adminRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    async function checkParent(level: keyof typeof LEVEL_ORDER, parentCode: string | null | undefined): Promise<void> {
      if (!parentCode) {
        if (level !== 'city') throw new ApiError(400, 'PARENT_REQUIRED', '县区、乡镇部门必须有上级部门', 'county and township departments need a parent');
        return;
      }
      const parent = await database.department.findUnique({ where: { code: parentCode } });
      if (!parent) throw new ApiError(400, 'PARENT_UNKNOWN', `上级部门 ${parentCode} 不存在`, `no department ${parentCode}`);
      if (LEVEL_ORDER[parent.level] > LEVEL_ORDER[level]) {
        throw new ApiError(400, 'PARENT_LEVEL', '上级部门的层级不能低于本部门', 'a parent cannot be at a lower level than its child');
      }
    }

    async function checkDepartment(code: string | null | undefined): Promise<void> {
      if (code && !(await database.department.findUnique({ where: { code } }))) throw new ApiError(400, 'DEPARTMENT_UNKNOWN', `部门 ${code} 不存在`, `no department ${code}`);
    }

    app.get(
      '/api/admin/departments',
      { config: admins, schema: { tags: ['admin'], summary: '部门列表 / departments', response: { 200: z.object({ departments: z.array(departmentView) }) } } },
      async () => ({ departments: await database.department.findMany({ orderBy: [{ level: 'asc' }, { code: 'asc' }] }) }),
    );

    app.post(
      '/api/admin/departments',
      {
        config: admins,
        schema: {
          tags: ['admin'],
          summary: '新建部门 / create a department',
          body: z.object({
            code: departmentCode,
            nameZh: z.string().trim().min(1).max(100),
            nameEn: z.string().trim().min(1).max(200),
            level: z.enum(['city', 'county', 'township']),
            parentCode: departmentCode.nullable().optional(),
          }),
          response: { 201: departmentView },
        },
      },
      async (request, reply) => {
        if (await database.department.findUnique({ where: { code: request.body.code } })) {
          throw new ApiError(409, 'DEPARTMENT_EXISTS', `部门编码 ${request.body.code} 已存在`, `department ${request.body.code} exists`);
        }
        await checkParent(request.body.level, request.body.parentCode);
        const department = await database.department.create({ data: { ...request.body, parentCode: request.body.parentCode ?? null } });
        await recordAudit(database, { actor: request.principal!.userId, action: 'admin.department.create', subject: `department:${department.code}`, details: request.body });
        return reply.status(201).send(department);
      },
    );

    app.patch(
      '/api/admin/departments/:code',
      {
        config: admins,
        schema: {
          tags: ['admin'],
          summary: '修改部门 / change a department',
          params: z.object({ code: departmentCode }),
          body: z.object({ nameZh: z.string().trim().min(1).max(100).optional(), nameEn: z.string().trim().min(1).max(200).optional(), active: z.boolean().optional() }),
          response: { 200: departmentView },
        },
      },
      async (request) => {
        if (!(await database.department.findUnique({ where: { code: request.params.code } }))) throw new ApiError(404, 'NOT_FOUND', '部门不存在', 'no such department');
        const department = await database.department.update({ where: { code: request.params.code }, data: request.body });
        await recordAudit(database, { actor: request.principal!.userId, action: 'admin.department.update', subject: `department:${department.code}`, details: request.body });
        return department;
      },
    );

    app.get(
      '/api/admin/users',
      {
        config: admins,
        schema: {
          tags: ['admin'],
          summary: '用户列表 / users',
          querystring: z.object({ department: z.string().optional(), q: z.string().trim().max(100).optional() }),
          response: { 200: z.object({ users: z.array(adminUserView) }) },
        },
      },
      async (request) => {
        const { department, q } = request.query;
        const users = await database.user.findMany({
          where: {
            ...(department ? { departmentCode: department } : {}),
            ...(q ? { OR: [{ username: { contains: q } }, { displayName: { contains: q } }] } : {}),
          },
          orderBy: { username: 'asc' },
        });
        return { users: users.map(toAdminView) };
      },
    );

    app.post(
      '/api/admin/users',
      {
        config: admins,
        schema: {
          tags: ['admin'],
          summary: '新建用户 / create a user',
          body: z.object({
            username: usernameSchema,
            displayName: z.string().trim().min(1).max(100),
            roles: z.array(z.enum(ROLES)).min(1),
            departmentCode: departmentCode.nullable().optional(),
            password: passwordSchema,
          }),
          response: { 201: adminUserView },
        },
      },
      async (request, reply) => {
        const { password, ...data } = request.body;
        if (await database.user.findUnique({ where: { username: data.username } })) throw new ApiError(409, 'USER_EXISTS', `用户名 ${data.username} 已存在`, `user ${data.username} exists`);
        await checkDepartment(data.departmentCode);
        const user = await database.user.create({ data: { ...data, departmentCode: data.departmentCode ?? null, passwordHash: await hashPassword(password), mustChangePassword: true } });
        await recordAudit(database, { actor: request.principal!.userId, action: 'admin.user.create', subject: `user:${user.username}`, details: data });
        return reply.status(201).send(toAdminView(user));
      },
    );

    app.patch(
      '/api/admin/users/:username',
      {
        config: admins,
        schema: {
          tags: ['admin'],
          summary: '修改用户、重置密码、解锁 / change a user, reset the password, unlock',
          params: z.object({ username: usernameSchema }),
          body: z.object({
            displayName: z.string().trim().min(1).max(100).optional(),
            roles: z.array(z.enum(ROLES)).min(1).optional(),
            departmentCode: departmentCode.nullable().optional(),
            active: z.boolean().optional(),
            password: passwordSchema.optional().describe('重置密码，用户下次登录须修改 / reset; the user must change it at next login'),
            unlock: z.boolean().optional(),
          }),
          response: { 200: adminUserView },
        },
      },
      async (request) => {
        const existing = await database.user.findUnique({ where: { username: request.params.username } });
        if (!existing) throw new ApiError(404, 'NOT_FOUND', '用户不存在', 'no such user');
        const { password, unlock, ...changes } = request.body;
        if (existing.username === request.principal!.userId && (changes.active === false || (changes.roles && !changes.roles.includes('admin')))) {
          throw new ApiError(409, 'SELF_LOCKOUT', '不能停用自己或取消自己的管理员角色', 'you cannot deactivate yourself or drop your own admin role');
        }
        await checkDepartment(changes.departmentCode);
        const user = await database.user.update({
          where: { id: existing.id },
          data: {
            ...changes,
            ...(password ? { passwordHash: await hashPassword(password), mustChangePassword: true, passwordChangedAt: new Date() } : {}),
            ...(unlock ? { lockedUntil: null, failedLogins: 0 } : {}),
          },
        });
        // A reset password or a deactivated account must not stay logged in elsewhere.
        if (password || changes.active === false || changes.roles) await endOtherSessions(database, user.id);
        await recordAudit(database, { actor: request.principal!.userId, action: 'admin.user.update', subject: `user:${user.username}`, details: { ...changes, passwordReset: Boolean(password), unlock: Boolean(unlock) } });
        return toAdminView(user);
      },
    );
  };
