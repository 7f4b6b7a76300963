/**
 * Clock stops (暂停计时). Pausing suspends the case's timers and remembers every deadline
 * as it stood; resuming moves each of them by the working days the case was paused, so
 * the remaining working days are preserved (RULES.md §1–2), in the engine (timer jobs,
 * task due dates) and in the case's deadline variables.
 */
import type { Prisma } from '../generated/prisma/client.js';
import { recordAudit } from '../audit/record.js';
import type { CalendarService } from '../calendar/service.js';
import { toShanghaiIso } from '../calendar/shanghai.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Database } from '../database/prisma.js';
import { mapPlan, planVariables, type DeadlinePlan } from '../deadlines/plan.js';
import type { EngineClient } from '../engine/client.js';
import { EngineNotFoundError } from '../engine/errors.js';
import { ApiError } from '../http/api-error.js';
import { CLOCK_STOP_REASONS, type ClockStopReason } from './reasons.js';

interface Snapshot {
  jobs: { id: string; due: string }[];
  tasks: { id: string; due: string }[];
  plan: DeadlinePlan | null;
}

export interface ClockStopView {
  id: string;
  reason: ClockStopReason;
  reasonLabel: string;
  note: string;
  pausedBy: string;
  pausedAt: string;
  resumedBy: string | null;
  resumedAt: string | null;
  shiftedWorkingDays: number | null;
}

type ClockStopRow = Awaited<ReturnType<Database['clockStop']['create']>>;

function view(row: ClockStopRow): ClockStopView {
  const label = CLOCK_STOP_REASONS[row.reason];
  return {
    id: row.id.toString(),
    reason: row.reason,
    reasonLabel: `${label.zh} / ${label.en}`,
    note: row.note,
    pausedBy: row.pausedBy,
    pausedAt: toShanghaiIso(row.pausedAt),
    resumedBy: row.resumedBy,
    resumedAt: row.resumedAt ? toShanghaiIso(row.resumedAt) : null,
    shiftedWorkingDays: row.shiftedWorkingDays,
  };
}

/**
 * Moves an instant by the pause: its working days after the pause day are counted again
 * from the resume day, at the same time of day. Instants before the pause day stay.
 */
export function shiftInstant(calendar: WorkingCalendar, pausedDay: string, resumedDay: string, instant: string): string {
  const day = calendar.dayOf(instant);
  if (day < pausedDay) return toShanghaiIso(instant);
  const remaining = calendar.workingDaysBetween(pausedDay, day);
  const newDay = calendar.addWorkingDays(resumedDay, remaining);
  return `${newDay}${toShanghaiIso(instant).slice(10)}`;
}

export class ClockStopService {
  constructor(
    private readonly database: Database,
    private readonly engine: EngineClient,
    private readonly calendars: CalendarService,
  ) {}

  /** One pause or resume at a time per case, across processes. */
  private locked<T>(caseId: string, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    return this.database.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`clock:${caseId}`}))`;
        return work(tx);
      },
      { timeout: 60_000 },
    );
  }

  private async requireActiveCase(caseId: string): Promise<void> {
    const [instance] = await this.engine.processInstances({ processInstanceIds: [caseId] });
    if (!instance) throw new ApiError(404, 'NOT_FOUND', '案件不存在或已办结', 'no such running case');
  }

  async list(caseId: string): Promise<{ paused: boolean; stops: ClockStopView[] }> {
    const rows = await this.database.clockStop.findMany({ where: { caseId }, orderBy: { pausedAt: 'asc' } });
    return { paused: rows.some((row) => row.resumedAt === null), stops: rows.map(view) };
  }

  async pause(caseId: string, input: { reason: ClockStopReason; note?: string }, actor: string, at = new Date()): Promise<ClockStopView> {
    return this.locked(caseId, async (tx) => {
      const open = await tx.clockStop.findFirst({ where: { caseId, resumedAt: null } });
      if (open) {
        throw new ApiError(409, 'CLOCK_ALREADY_STOPPED', `案件已于 ${toShanghaiIso(open.pausedAt)} 暂停计时`, `the case's clock has been stopped since ${toShanghaiIso(open.pausedAt)}`);
      }
      await this.requireActiveCase(caseId);
      const [jobs, tasks, variables] = await Promise.all([
        this.engine.jobs({ processInstanceId: caseId, timers: true }),
        this.engine.tasks({ processInstanceId: caseId }),
        this.engine.variables(caseId),
      ]);
      const snapshot: Snapshot = {
        jobs: jobs.filter((job) => job.dueDate).map((job) => ({ id: job.id, due: job.dueDate! })),
        tasks: tasks.filter((task) => task.due).map((task) => ({ id: task.id, due: task.due! })),
        plan: (variables.deadlinePlan as DeadlinePlan | undefined) ?? null,
      };
      // While the clock stands still no warning may fire.
      for (const job of snapshot.jobs) await this.engine.suspendJob(job.id, true);
      await this.engine.setVariables(caseId, { clockStopped: true });
      const row = await tx.clockStop.create({
        data: { caseId, reason: input.reason, note: input.note ?? '', pausedBy: actor, pausedAt: at, snapshot: snapshot as unknown as Prisma.InputJsonValue },
      });
      await recordAudit(tx, { actor, action: 'clock.pause', subject: caseId, details: { reason: input.reason, note: input.note ?? '', timers: snapshot.jobs.length } });
      return view(row);
    });
  }

  async resume(caseId: string, input: { note?: string }, actor: string, at = new Date()): Promise<{ stop: ClockStopView; deadline: string | null }> {
    const calendar = await this.calendars.calendar();
    return this.locked(caseId, async (tx) => {
      const open = await tx.clockStop.findFirst({ where: { caseId, resumedAt: null } });
      if (!open) throw new ApiError(409, 'CLOCK_NOT_STOPPED', '案件未暂停计时', "the case's clock is running");
      const snapshot = open.snapshot as unknown as Snapshot;
      const pausedDay = calendar.dayOf(open.pausedAt);
      const resumedDay = calendar.dayOf(at);
      if (resumedDay < pausedDay) throw new ApiError(409, 'CLOCK_RESUME_BEFORE_PAUSE', '恢复时间早于暂停时间', 'cannot resume before the pause began');
      const move = (instant: string) => shiftInstant(calendar, pausedDay, resumedDay, instant);
      const shifted = calendar.workingDaysBetween(pausedDay, resumedDay);

      // Recomputed from the snapshot, not from the current values: a retried resume lands
      // on the same deadlines. Timers and tasks that ended meanwhile are simply gone.
      for (const job of snapshot.jobs) {
        await ignoreGone(async () => {
          await this.engine.setJobDueDate(job.id, move(job.due));
          await this.engine.suspendJob(job.id, false);
        });
      }
      for (const task of snapshot.tasks) await ignoreGone(() => this.engine.setTaskDue(task.id, move(task.due)));
      let deadline: string | null = null;
      const plan = snapshot.plan ? mapPlan(snapshot.plan, move) : null;
      await ignoreGone(() => this.engine.setVariables(caseId, { ...(plan ? planVariables(plan) : {}), clockStopped: false }));
      deadline = plan?.deadline ?? null;
      const row = await tx.clockStop.update({
        where: { id: open.id },
        data: { resumedAt: at, resumedBy: actor, shiftedWorkingDays: shifted },
      });
      await recordAudit(tx, { actor, action: 'clock.resume', subject: caseId, details: { note: input.note ?? '', shiftedWorkingDays: shifted, deadline } });
      return { stop: view(row), deadline };
    });
  }
}

async function ignoreGone(work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof EngineNotFoundError)) throw error;
  }
}
