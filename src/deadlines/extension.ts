/**
 * Extension of a case's time limit (延长期限, Administrative Licensing Law art. 42): once
 * the department head approves, the case deadline and the decision step move by the
 * item's extension days, in the variables and in the timers already waiting on them.
 * Only once per case: `extended` guards a redelivered task from extending twice.
 */
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { EngineClient } from '../engine/client.js';
import { planVariables, type DeadlinePlan, type PlannedDeadline } from './plan.js';

function later(calendar: WorkingCalendar, planned: PlannedDeadline, days: number): PlannedDeadline {
  const move = (instant: string) => calendar.deadlineInstant(calendar.addWorkingDays(calendar.dayOf(new Date(instant)), days));
  return { days: planned.days + days, deadline: move(planned.deadline), yellowAt: move(planned.yellowAt) };
}

/** The plan with the case deadline and the named steps moved by `days` working days. */
export function extendPlan(calendar: WorkingCalendar, plan: DeadlinePlan, days: number, steps: string[]): DeadlinePlan {
  const extended = Object.fromEntries(Object.entries(plan.steps).map(([key, step]) => [key, steps.includes(key) ? later(calendar, step, days) : step]));
  return { ...plan, ...later(calendar, plan, days), steps: extended };
}

export async function extendCase(engine: EngineClient, calendar: WorkingCalendar, caseId: string, days: number, steps: string[]): Promise<{ deadline: string; extended: boolean }> {
  const variables = await engine.variables(caseId);
  const plan = variables.deadlinePlan as DeadlinePlan | undefined;
  if (!plan) throw new Error(`案件 ${caseId} 没有期限计划 / case ${caseId} has no deadline plan`);
  if (variables.extended === true) return { deadline: plan.deadline, extended: false };
  const next = extendPlan(calendar, plan, days, steps);
  // Timers created from the old instants (case yellow/red, running step timers) move with them.
  const moves = new Map<number, string>();
  const pair = (before: PlannedDeadline, after: PlannedDeadline) => {
    moves.set(Date.parse(before.deadline), after.deadline);
    moves.set(Date.parse(before.yellowAt), after.yellowAt);
  };
  pair(plan, next);
  for (const key of steps) if (plan.steps[key] && next.steps[key]) pair(plan.steps[key], next.steps[key]);
  for (const job of await engine.jobs({ processInstanceId: caseId, timers: true })) {
    const target = job.dueDate ? moves.get(Date.parse(job.dueDate)) : undefined;
    if (target) await engine.setJobDueDate(job.id, target);
  }
  await engine.setVariables(caseId, { ...planVariables(next), extended: true, extensionAvailable: false });
  return { deadline: next.deadline, extended: true };
}
