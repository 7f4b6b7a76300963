/**
 * Deadline plan of a case (期限计划): from a catalogue item's limits and the instant the
 * case starts, the deadlines the diagram's timers and task due dates use. Deadlines are
 * computed here, once, from the working-day calendar (DESIGN.md §2) and passed to the
 * engine as ISO-8601 strings with the +08:00 offset.
 */
import { z } from 'zod';
import { toShanghaiIso } from '../calendar/shanghai.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';

export const warningRuleSchema = z.object({
  /** Yellow when this share of the working-day budget has elapsed … */
  ratio: z.number().gt(0).lt(1).default(0.8),
  /** … or when this many working days remain, whichever comes first (RULES.md §7). */
  daysBefore: z.number().int().min(0).default(1),
});

export const limitsSchema = z
  .object({
    /** 法定时限（工作日）/ statutory limit in working days */
    statutoryDays: z.number().int().positive(),
    /** 承诺时限（工作日），不得超过法定时限 / committed limit, at most the statutory one */
    committedDays: z.number().int().positive().optional(),
    /** 延期（工作日），经批准后生效 / extension in working days, once approved */
    extensionDays: z.number().int().min(0).default(0),
    extended: z.boolean().default(false),
    warning: warningRuleSchema.default({ ratio: 0.8, daysBefore: 1 }),
    /** 环节时限：自受理起算，或自前一环节期限起算 / step limits, from the start or after another step */
    steps: z
      .array(
        z.object({
          key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be a BPMN-friendly identifier'),
          days: z.number().int().positive(),
          after: z.string().optional(),
        }),
      )
      .default([]),
  })
  .refine((limits) => !limits.committedDays || limits.committedDays <= limits.statutoryDays, {
    path: ['committedDays'],
    message: '承诺时限不得超过法定时限 / the committed limit may not exceed the statutory limit',
  });

export type Limits = z.input<typeof limitsSchema>;

export interface PlannedDeadline {
  days: number;
  deadline: string;
  yellowAt: string;
}

export interface DeadlinePlan extends PlannedDeadline {
  start: string;
  startDay: string;
  steps: Record<string, PlannedDeadline>;
}

export class PlanError extends Error {
  override name = 'PlanError';
}

/** Working days after the start at which the yellow warning falls. */
export function yellowOffset(days: number, rule: z.infer<typeof warningRuleSchema>): number {
  return Math.max(0, Math.min(Math.floor(days * rule.ratio), days - rule.daysBefore));
}

function planFrom(calendar: WorkingCalendar, fromDay: string, days: number, rule: z.infer<typeof warningRuleSchema>): PlannedDeadline {
  return {
    days,
    deadline: calendar.deadlineInstant(calendar.addWorkingDays(fromDay, days)),
    yellowAt: calendar.deadlineInstant(calendar.addWorkingDays(fromDay, yellowOffset(days, rule))),
  };
}

export function planDeadlines(calendar: WorkingCalendar, input: Limits, start: Date): DeadlinePlan {
  const limits = limitsSchema.parse(input);
  const startDay = calendar.dayOf(start);
  const days = (limits.committedDays ?? limits.statutoryDays) + (limits.extended ? limits.extensionDays : 0);
  const steps: Record<string, PlannedDeadline> = {};
  for (const step of limits.steps) {
    if (steps[step.key]) throw new PlanError(`环节重复 / step ${step.key} is listed twice`);
    let fromDay = startDay;
    if (step.after) {
      const previous = steps[step.after];
      if (!previous) throw new PlanError(`环节 ${step.key} 引用了未定义的前序环节 / step ${step.key} follows unknown or later step ${step.after}`);
      fromDay = calendar.dayOf(previous.deadline);
    }
    steps[step.key] = planFrom(calendar, fromDay, step.days, limits.warning);
  }
  return { start: toShanghaiIso(start), startDay, ...planFrom(calendar, startDay, days, limits.warning), steps };
}

/** The flat variables the diagrams reference, plus the plan itself. */
export function planVariables(plan: DeadlinePlan): Record<string, unknown> {
  const variables: Record<string, unknown> = { deadline: plan.deadline, yellowAt: plan.yellowAt, deadlinePlan: plan };
  for (const [key, step] of Object.entries(plan.steps)) {
    variables[`step_${key}_deadline`] = step.deadline;
    variables[`step_${key}_yellowAt`] = step.yellowAt;
  }
  return variables;
}

/** The same plan with every instant passed through `move` (clock stops). */
export function mapPlan(plan: DeadlinePlan, move: (instant: string) => string): DeadlinePlan {
  const shift = (planned: PlannedDeadline): PlannedDeadline => ({ ...planned, deadline: move(planned.deadline), yellowAt: move(planned.yellowAt) });
  return {
    ...plan,
    ...shift(plan),
    steps: Object.fromEntries(Object.entries(plan.steps).map(([key, step]) => [key, shift(step)])),
  };
}
