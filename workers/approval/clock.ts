/**
 * The correction loop's clock (补正期间不计入办理时限): the case clock stops when a notice of
 * missing items goes out and runs again when the applicant has supplied them. Both steps
 * are idempotent, because the engine may deliver a task twice.
 */
import { z } from 'zod';
import { ApiError } from '../../src/http/api-error.js';
import { defineTopic, need } from '../runtime/topic.js';

export const CORRECTION_PROCESS_KEY = 'approval-correction';

function alreadyDone(error: unknown, code: string): boolean {
  return error instanceof ApiError && error.code === code;
}

export const pauseClock = defineTopic({
  topic: 'approval.pause-clock',
  department: 'window',
  description: { zh: '补正期间暂停计时', en: 'Stop the case clock while the applicant supplies missing items' },
  input: z.object({ caseId: z.string().min(1), department: z.string().min(1), missingItems: z.string().default('') }),
  output: z.object({ clockStopped: z.literal(true) }),
  retry: { retries: 5, initialTimeoutMs: 2_000, maxTimeoutMs: 60_000 },
  async handler(input, context) {
    const clockStops = need(context.services, 'clockStops');
    try {
      await clockStops.pause(input.caseId, { reason: 'correction', note: `${input.department}: ${input.missingItems}`.slice(0, 2000) }, `department:${input.department}`);
    } catch (error) {
      // Another department's notice stopped it already: one stop covers both.
      if (!alreadyDone(error, 'CLOCK_ALREADY_STOPPED')) throw error;
    }
    return { clockStopped: true as const };
  },
});

export const resumeClock = defineTopic({
  topic: 'approval.resume-clock',
  department: 'window',
  description: { zh: '补正材料已收到，恢复计时', en: 'Restart the case clock once the items are supplied' },
  input: z.object({ caseId: z.string().min(1) }),
  output: z.object({ clockResumed: z.boolean() }),
  retry: { retries: 5, initialTimeoutMs: 2_000, maxTimeoutMs: 60_000 },
  async handler(input, context) {
    const engine = need(context.services, 'engine');
    const clockStops = need(context.services, 'clockStops');
    // While another department still waits for its items the clock stays stopped.
    const waiting = await engine.processInstances({ superProcessInstance: input.caseId, processDefinitionKey: CORRECTION_PROCESS_KEY });
    if (waiting.some((instance) => instance.id !== context.processInstanceId)) return { clockResumed: false };
    try {
      await clockStops.resume(input.caseId, { note: '补正材料已收到 / items supplied' }, 'applicant');
    } catch (error) {
      if (!alreadyDone(error, 'CLOCK_NOT_STOPPED')) throw error;
    }
    return { clockResumed: true };
  },
});
