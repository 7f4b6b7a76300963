/**
 * Corrections (补正): a notice of missing items runs as the called procedure
 * `approval-correction` (processes/approval/correction.bpmn), which stops the case clock
 * and waits. The applicant, or the window on their behalf, supplies the items here once the
 * notice waits for them; the files are stored first (durable), then the waiting procedure
 * is told and the clock runs.
 */
import { recordAudit } from '../audit/record.js';
import { itemDefinitionSchema } from '../catalogue/item.js';
import type { Database } from '../database/prisma.js';
import type { EngineClient } from '../engine/client.js';
import { EngineError } from '../engine/errors.js';
import { ApiError } from '../http/api-error.js';
import type { Principal } from '../identity/roles.js';
import { storeMaterials } from './file-store.js';
import { checkUploads, type Upload } from './intake.js';

export const CORRECTION_PROCESS_KEY = 'approval-correction';
export const CORRECTIONS_SUPPLIED = 'CorrectionsSupplied';

export interface CorrectionRequest {
  requestId: string;
  department: string | null;
  missingItems: string[];
  opinion: string | null;
}

/** The applicant (who submitted it online) and the window that took it in may act on a case's corrections. */
export async function requireApplicantSide(database: Database, principal: Principal, caseId: string) {
  const record = await database.caseRecord.findUnique({ where: { caseId } });
  const own = record && principal.roles.includes('citizen') && record.createdBy === principal.userId;
  const window = record && principal.roles.includes('clerk') && principal.department !== undefined && record.intakeDepartment === principal.department;
  if (!record || !(own || window)) throw new ApiError(403, 'CASE_FORBIDDEN', '您不是该案件的申请人或受理窗口', 'you are neither the applicant nor the receiving window of this case');
  return record;
}

/** Notices the applicant can answer now: issued, and their procedure waiting for the items. */
export async function pendingCorrections(engine: EngineClient, caseId: string): Promise<CorrectionRequest[]> {
  const requests = await engine.processInstances({ superProcessInstance: caseId, processDefinitionKey: CORRECTION_PROCESS_KEY });
  const waiting = await engine.waitingForMessage(CORRECTIONS_SUPPLIED, requests.map((request) => request.id));
  return Promise.all(
    requests.filter((request) => waiting.has(request.id)).map(async (request) => {
      const variables = await engine.variables(request.id);
      const missing = typeof variables.missingItems === 'string' ? variables.missingItems : '';
      return {
        requestId: request.id,
        department: typeof variables.department === 'string' ? variables.department : null,
        missingItems: missing.split('\n').map((item) => item.trim()).filter(Boolean),
        opinion: typeof variables.opinion === 'string' ? variables.opinion : null,
      };
    }),
  );
}

export async function supplyCorrections(deps: { engine: EngineClient; database: Database }, caseId: string, requestId: string, uploads: Upload[], actor: Principal) {
  const record = await requireApplicantSide(deps.database, actor, caseId);
  const pending = await pendingCorrections(deps.engine, caseId);
  if (!pending.some((request) => request.requestId === requestId)) {
    // Checked before anything is stored, so a retry does not keep the same files twice.
    const notice = await deps.engine.processInstances({ processInstanceIds: [requestId], superProcessInstance: caseId });
    if (notice.length > 0) throw new ApiError(409, 'CORRECTION_NOT_READY', '补正通知仍在送达中，请稍后重试', 'the notice is still being issued; please retry shortly');
    throw new ApiError(404, 'CORRECTION_NOT_FOUND', '没有待补正的通知（可能已补正）', 'no open correction notice with this id (perhaps already answered)');
  }
  if (!record.catalogueCode || record.catalogueVersion === null) throw new ApiError(409, 'NOT_A_CATALOGUE_CASE', '该案件不按事项库办理', 'this case has no catalogue item');
  const version = await deps.database.catalogueItemVersion.findUniqueOrThrow({ where: { itemCode_version: { itemCode: record.catalogueCode, version: record.catalogueVersion } } });
  // Checked against the version the case started under, not today's.
  const files = checkUploads(itemDefinitionSchema.parse(version.definition), uploads);
  const round = await deps.database.$transaction(async (tx) => {
    const last = await tx.caseMaterial.aggregate({ where: { caseId }, _max: { round: true } });
    const next = (last._max.round ?? 0) + 1;
    await storeMaterials(tx, caseId, files, actor.userId, next);
    return next;
  });
  try {
    await deps.engine.correlateMessage(CORRECTIONS_SUPPLIED, { processInstanceId: requestId, variables: { suppliedMaterials: files.map((file) => file.code), correctionRound: round } });
  } catch (error) {
    // Answered by someone else in the meantime: the files are kept with the case.
    if (error instanceof EngineError && error.status === 400) {
      throw new ApiError(409, 'CORRECTION_ALREADY_ANSWERED', '该通知已补正，材料已保存在案卷中', 'this notice was answered meanwhile; your files are kept in the case file');
    }
    throw error;
  }
  await recordAudit(deps.database, { actor: actor.userId, action: 'case.corrections', subject: caseId, details: { requestId, round, materials: files.map((file) => file.code) } });
  return { round, materials: files.map((file) => file.code) };
}
