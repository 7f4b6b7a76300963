/**
 * First-run data: the administrator account from the configuration and, in development,
 * the departments of a demo city with a user for every role and department.
 */
import type { Database } from '../database/prisma.js';
import { hashPassword } from './passwords.js';
import type { Role } from './roles.js';

type Level = 'city' | 'county' | 'township';

/** 阳光市 — the demo city: its government, the service centre, ten review departments. */
export const DEMO_DEPARTMENTS: { code: string; nameZh: string; nameEn: string; level: Level; parentCode: string | null }[] = [
  { code: 'city', nameZh: '阳光市人民政府', nameEn: 'Sunshine City Government', level: 'city', parentCode: null },
  { code: 'window', nameZh: '市政务服务中心综合窗口', nameEn: 'City Service Centre, One-Stop Window', level: 'city', parentCode: 'city' },
  { code: 'supervision', nameZh: '市效能办（电子监察）', nameEn: 'Efficiency Office (e-Supervision)', level: 'city', parentCode: 'city' },
  { code: 'demo', nameZh: '演示审查科', nameEn: 'Demo Review Office', level: 'city', parentCode: 'city' },
  { code: 'development', nameZh: '市发展和改革委员会', nameEn: 'Development and Reform Commission', level: 'city', parentCode: 'city' },
  { code: 'coordination', nameZh: '市工程建设项目审批协调办公室', nameEn: 'Construction Approval Coordination Office', level: 'city', parentCode: 'city' },
  { code: 'natural-resources', nameZh: '市自然资源局', nameEn: 'Natural Resources Bureau', level: 'city', parentCode: 'city' },
  { code: 'planning', nameZh: '市城乡规划局', nameEn: 'Urban and Rural Planning Bureau', level: 'city', parentCode: 'city' },
  { code: 'housing', nameZh: '市住房和城乡建设局', nameEn: 'Housing and Urban-Rural Development Bureau', level: 'city', parentCode: 'city' },
  { code: 'environment', nameZh: '市生态环境局', nameEn: 'Ecology and Environment Bureau', level: 'city', parentCode: 'city' },
  { code: 'fire', nameZh: '市消防救援支队', nameEn: 'Fire and Rescue Detachment', level: 'city', parentCode: 'city' },
  { code: 'transport', nameZh: '市交通运输局', nameEn: 'Transport Bureau', level: 'city', parentCode: 'city' },
  { code: 'water', nameZh: '市水务局', nameEn: 'Water Affairs Bureau', level: 'city', parentCode: 'city' },
  { code: 'market', nameZh: '市市场监督管理局', nameEn: 'Market Regulation Administration', level: 'city', parentCode: 'city' },
  { code: 'civil-defense', nameZh: '市人民防空办公室', nameEn: 'Civil Air Defence Office', level: 'city', parentCode: 'city' },
  { code: 'culture', nameZh: '市文化广电旅游局', nameEn: 'Culture, Radio, TV and Tourism Bureau', level: 'city', parentCode: 'city' },
  { code: 'meteorology', nameZh: '市气象局', nameEn: 'Meteorological Bureau', level: 'city', parentCode: 'city' },
  { code: 'east-district', nameZh: '东城区人民政府', nameEn: 'East District Government', level: 'county', parentCode: 'city' },
  { code: 'riverside', nameZh: '滨河街道办事处', nameEn: 'Riverside Subdistrict Office', level: 'township', parentCode: 'east-district' },
];

const REVIEW_DEPARTMENTS = ['demo', 'coordination', 'development', 'natural-resources', 'planning', 'housing', 'environment', 'fire', 'transport', 'water', 'market', 'civil-defense', 'culture', 'riverside', 'meteorology'];

export interface SeedUser {
  username: string;
  displayName: string;
  roles: Role[];
  departmentCode: string | null;
}

export function demoUsers(): SeedUser[] {
  const name = (code: string) => DEMO_DEPARTMENTS.find((department) => department.code === code)!.nameZh;
  return [
    { username: 'designer', displayName: '流程设计员', roles: ['designer'], departmentCode: 'city' },
    { username: 'window-clerk', displayName: '综合窗口 受理员', roles: ['clerk'], departmentCode: 'window' },
    { username: 'window-head', displayName: '综合窗口 负责人', roles: ['head'], departmentCode: 'window' },
    { username: 'supervisor', displayName: '效能办 监察员', roles: ['supervisor'], departmentCode: 'supervision' },
    ...REVIEW_DEPARTMENTS.flatMap((code) => [
      { username: `${code}-reviewer`, displayName: `${name(code)} 审批人员`, roles: ['reviewer'] as Role[], departmentCode: code },
      { username: `${code}-head`, displayName: `${name(code)} 分管领导`, roles: ['head'] as Role[], departmentCode: code },
    ]),
    { username: 'tenderer', displayName: '招标人（演示）', roles: ['tenderer'], departmentCode: null },
    { username: 'bidder', displayName: '投标人（演示）', roles: ['bidder'], departmentCode: null },
    { username: 'expert', displayName: '评标专家（演示）', roles: ['expert'], departmentCode: null },
    { username: 'citizen', displayName: '申请人（演示）', roles: ['citizen'], departmentCode: null },
  ];
}

/** Creates the administrator if missing; an existing one keeps the password it has now. */
export async function ensureAdministrator(database: Database, admin: { user: string; password: string }): Promise<boolean> {
  if (await database.user.findUnique({ where: { username: admin.user } })) return false;
  await database.department.upsert({ where: { code: 'city' }, create: DEMO_DEPARTMENTS[0]!, update: {} });
  await database.user.create({
    data: { username: admin.user, displayName: '系统管理员', roles: ['admin'], departmentCode: 'city', passwordHash: await hashPassword(admin.password) },
  });
  return true;
}

/** Seeds the demo city once (when it has no department but the root); returns who was created. */
export async function seedDemo(database: Database, password: string): Promise<SeedUser[]> {
  if ((await database.department.count()) > 1) return [];
  for (const department of DEMO_DEPARTMENTS) await database.department.upsert({ where: { code: department.code }, create: department, update: {} });
  const passwordHash = await hashPassword(password);
  const users = demoUsers();
  await database.user.createMany({ data: users.map((user) => ({ ...user, passwordHash })), skipDuplicates: true });
  return users;
}
