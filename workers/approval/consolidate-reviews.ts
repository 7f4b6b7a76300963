/**
 * 汇总并联审查意见: after every department of a round has decided, collects their verdicts
 * (the latest opinion of each, recorded by the API with the decision) and names the
 * departments that object, whose heads join the joint review meeting (联审联批).
 */
import { z } from 'zod';
import { defineTopic, need } from '../runtime/topic.js';

export const REVIEW_STEP = 'DepartmentReview';

export const consolidateReviews = defineTopic({
  topic: 'approval.consolidate-reviews',
  department: 'coordination',
  description: { zh: '汇总各部门并联审查意见', en: 'Consolidate the departments’ parallel review verdicts' },
  input: z.object({ roundDepartments: z.array(z.string().min(1)).min(1) }),
  output: z.object({
    objectingDepartments: z.array(z.string()),
    anyObjection: z.boolean(),
    jointReviewGroups: z.string(),
    roundDepartments: z.array(z.string()),
  }),
  retry: { retries: 5, initialTimeoutMs: 2_000, maxTimeoutMs: 30_000 },
  async handler(input, context) {
    const database = need(context.services, 'database');
    const opinions = await database.opinion.findMany({
      where: { caseId: context.processInstanceId, step: REVIEW_STEP, department: { in: input.roundDepartments }, decision: { in: ['approve', 'object'] } },
      orderBy: { decidedAt: 'desc' },
    });
    const verdicts = new Map<string, string>();
    for (const opinion of opinions) if (opinion.department && !verdicts.has(opinion.department)) verdicts.set(opinion.department, opinion.decision!);
    const missing = input.roundDepartments.filter((department) => !verdicts.has(department));
    // The API writes the opinion as it completes the task; a moment later it is there.
    if (missing.length > 0) throw new Error(`尚无审查意见 / no verdict yet from ${missing.join(', ')}`);
    const objecting = input.roundDepartments.filter((department) => verdicts.get(department) === 'object');
    return {
      objectingDepartments: objecting,
      anyObjection: objecting.length > 0,
      jointReviewGroups: objecting.map((department) => `${department}-head`).join(','),
      roundDepartments: objecting,
    };
  },
});
