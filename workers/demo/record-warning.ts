/**
 * Demo step of the supervision office (电子监察): fired by the non-interrupting yellow
 * warning timer on the review task; records when the warning was raised.
 */
import { z } from 'zod';
import { defineTopic } from '../runtime/topic.js';

export const recordWarning = defineTopic({
  topic: 'demo.record-warning',
  department: 'supervision',
  description: { zh: '演示：记录黄牌预警', en: 'Demo: record a yellow warning' },
  input: z.object({ deadline: z.string(), yellowAt: z.string() }),
  output: z.object({ warnedAt: z.iso.datetime({ offset: true }) }),
  async handler(input, { log }) {
    log.warn({ deadline: input.deadline, yellowAt: input.yellowAt }, '黄牌预警 / yellow warning: review deadline approaching');
    return { warnedAt: new Date().toISOString() };
  },
});
