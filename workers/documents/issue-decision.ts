/**
 * Issues the signed documents of a decision (出具决定书 / 电子证照): the decision letter,
 * and the e-licence when approved, rendered as PDF and sealed by the deciding department.
 * Numbers derive from the external task id, so a redelivered task re-finds what it issued.
 */
import { z } from 'zod';
import { renderDecisionLetter, renderLicence } from '../../src/documents/render.js';
import { defineTopic, need } from '../runtime/topic.js';

export const issueDecision = defineTopic({
  topic: 'documents.issue-decision',
  department: 'documents',
  description: { zh: '出具决定书与电子证照', en: 'Issue the decision letter and the e-licence' },
  input: z.object({
    decision: z.enum(['approve', 'object', 'correction', 'not-accepted']),
    opinion: z.string(),
    missingItems: z.string().optional(),
    applicant: z.string(),
    /** Set by the diagram: who decides and seals, and the catalogue item's name. */
    department: z.string().min(1),
    itemName: z.string().min(1),
    /** The case, when the letter is issued from a called procedure (the correction loop). */
    caseId: z.string().min(1).optional(),
  }),
  output: z.object({ decisionDocument: z.string(), licenceNumber: z.string().nullable() }),
  retry: { retries: 5, initialTimeoutMs: 2_000, maxTimeoutMs: 60_000 },
  async handler(input, context) {
    const documents = need(context.services, 'documents');
    const database = need(context.services, 'database');
    const department = await database.department.findUniqueOrThrow({ where: { code: input.department } });
    const caseId = input.caseId ?? context.processInstanceId;
    const record = await database.caseRecord.findUnique({ where: { caseId } });
    const caseNumber = context.businessKey ?? context.processInstanceId;
    const issuedAt = new Date();
    const sealCode = await documents.sealCode(input.department);
    const signer = { name: department.nameZh, code: department.code };

    const { number: letterNumber, issued: letterIssued } = await documents.numberFor('decision', context.taskId, issuedAt);
    if (!letterIssued) {
      const missingItems = input.missingItems?.split('\n').map((item) => item.trim()).filter(Boolean);
      const content = await renderDecisionLetter({ number: letterNumber, itemName: input.itemName, caseNumber, applicant: input.applicant, decision: input.decision, opinion: input.opinion, missingItems, department: signer, issuedAt, sealCode });
      await documents.issueSealed({ number: letterNumber, kind: 'decision', title: '决定书 / decision letter', caseId, content, department: input.department });
    }
    let licenceNumber: string | null = null;
    if (input.decision === 'approve') {
      const licence = await documents.numberFor('licence', context.taskId, issuedAt);
      licenceNumber = licence.number;
      if (!licence.issued) {
        const project = (record?.project as { name?: string } | undefined)?.name;
        const content = await renderLicence({ number: licenceNumber, itemName: input.itemName, caseNumber, applicant: input.applicant, project, decision: '准予许可 / approved', department: signer, issuedAt, sealCode });
        await documents.issueSealed({ number: licenceNumber, kind: 'licence', title: '电子证照 / e-licence', caseId, content, department: input.department });
      }
    }
    context.log.info({ letterNumber, licenceNumber }, '已出具决定书 / decision documents issued');
    return { decisionDocument: letterNumber, licenceNumber };
  },
});
