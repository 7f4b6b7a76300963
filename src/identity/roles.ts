/** Roles of DESIGN.md §1 (who uses Sunshine). */
export const ROLES = [
  'designer', // 流程设计员
  'clerk', // 综合窗口
  'reviewer', // 部门审批人员
  'head', // 分管领导
  'admin', // 系统管理员
  'supervisor', // 效能办 / 电子监察
  'tenderer', // 招标人 / 代理
  'bidder', // 投标人
  'expert', // 评标专家
  'citizen', // 申请人 / 公众
] as const;

export type Role = (typeof ROLES)[number];

export interface Principal {
  /** Username. */
  userId: string;
  displayName: string;
  roles: Role[];
  /** Department code (部门编码); candidate groups use the same codes. */
  department?: string;
}

/** Candidate groups whose tasks a principal works on: the department, and "<code>-head" for heads. */
export function taskGroups(principal: Principal): string[] {
  if (!principal.department) return [];
  const groups = [];
  if (principal.roles.some((role) => role === 'clerk' || role === 'reviewer' || role === 'head')) groups.push(principal.department);
  if (principal.roles.includes('head')) groups.push(`${principal.department}-head`);
  return groups;
}
