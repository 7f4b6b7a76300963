/**
 * Who may see a case (the single door): supervisors read across departments; staff see
 * the cases in which their department has, or had, a task; the window sees the cases it
 * took in; an applicant sees the cases they applied for online. Everyone else gets 403,
 * even with the case's URL.
 */
import type { Database } from '../database/prisma.js';
import type { EngineClient } from '../engine/client.js';
import { ApiError } from '../http/api-error.js';
import { taskGroups, type Principal } from '../identity/roles.js';

export async function canSeeCase(engine: EngineClient, database: Database, principal: Principal, caseId: string): Promise<boolean> {
  if (principal.roles.includes('supervisor')) return true;
  // Applicants follow their own cases online (外网反馈).
  if (principal.roles.includes('citizen')) {
    const record = await database.caseRecord.findUnique({ where: { caseId }, select: { createdBy: true } });
    if (record?.createdBy === principal.userId) return true;
  }
  if (principal.department) {
    const record = await database.caseRecord.findUnique({ where: { caseId }, select: { intakeDepartment: true } });
    if (record?.intakeDepartment === principal.department && principal.roles.includes('clerk')) return true;
  }
  for (const group of taskGroups(principal)) {
    if ((await engine.historicTaskCount({ processInstanceId: caseId, taskHadCandidateGroup: group })) > 0) return true;
  }
  return false;
}

export async function requireCaseAccess(engine: EngineClient, database: Database, principal: Principal, caseId: string): Promise<void> {
  if (!(await canSeeCase(engine, database, principal, caseId))) {
    throw new ApiError(403, 'CASE_FORBIDDEN', '该案件不属于您的部门', 'this case is not your department’s');
  }
}
