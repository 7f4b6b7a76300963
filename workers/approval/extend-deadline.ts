/** Applies an extension the department head has approved (延期经负责人批准后生效). */
import { z } from 'zod';
import { extendCase } from '../../src/deadlines/extension.js';
import { defineTopic, need } from '../runtime/topic.js';

export const extendDeadline = defineTopic({
  topic: 'approval.extend-deadline',
  department: 'window',
  description: { zh: '延长办理期限', en: 'Extend the time limit' },
  input: z.object({ extensionDays: z.number().int().positive(), extensionSteps: z.string().default('Review') }),
  output: z.object({ deadline: z.string() }),
  retry: { retries: 5, initialTimeoutMs: 2_000, maxTimeoutMs: 60_000 },
  async handler(input, context) {
    const calendar = await need(context.services, 'calendars').calendar();
    const steps = input.extensionSteps.split(',').map((step) => step.trim()).filter(Boolean);
    const { deadline } = await extendCase(need(context.services, 'engine'), calendar, context.processInstanceId, input.extensionDays, steps);
    return { deadline };
  },
});
