/**
 * The inbox (待办): a department's open tasks, unclaimed or claimed by me, sorted by due
 * date. Filters and paging run in the engine's task query, so a page costs the same
 * whether the department has ten tasks or ten thousand; only the page is enriched with
 * case data (business key, applicant, warning state, working days left).
 */
import type { CalendarService } from '../calendar/service.js';
import type { Database } from '../database/prisma.js';
import { toEngineDate, type EngineClient, type TaskQuery } from '../engine/client.js';
import { taskGroups, type Principal } from '../identity/roles.js';

export type TaskStatus = 'normal' | 'yellow' | 'red' | 'paused';

export interface InboxFilter {
  processKey?: string;
  /** 事项编码 / catalogue item code (several items share one procedure) */
  item?: string;
  status?: TaskStatus;
  greenChannel?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

export interface InboxItem {
  id: string;
  name: string | null;
  caseId: string;
  businessKey: string | null;
  applicant: string | null;
  processKey: string;
  /** 事项编码 / catalogue item code, when the case came in through the catalogue */
  itemCode: string | null;
  created: string;
  due: string | null;
  yellowAt: string | null;
  assignee: string | null;
  status: TaskStatus;
  /** Working days from today to the due day; negative when overdue. */
  workingDaysLeft: number | null;
  greenChannel: boolean;
}

/** `%` and `_` typed by a user are literal characters, not wildcards. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

export class InboxService {
  constructor(
    private readonly engine: EngineClient,
    private readonly database: Database,
    private readonly calendars: CalendarService,
  ) {}

  private async pausedCases(): Promise<string[]> {
    const open = await this.database.clockStop.findMany({ where: { resumedAt: null }, select: { caseId: true } });
    return open.map((stop) => stop.caseId);
  }

  /** The engine task query for this principal and filter. */
  async query(principal: Principal, filter: Omit<InboxFilter, 'page' | 'pageSize'>, now = new Date()): Promise<TaskQuery | undefined> {
    const groups = taskGroups(principal);
    if (groups.length === 0) return undefined;
    const at = toEngineDate(now);
    const orQueries: Record<string, unknown>[] = [{ assignee: principal.userId, unassigned: true }];
    const query: TaskQuery = {
      candidateGroups: groups,
      includeAssignedTasks: true,
      active: true,
      sorting: [
        { sortBy: 'dueDate', sortOrder: 'asc' },
        { sortBy: 'created', sortOrder: 'asc' },
      ],
    };
    if (filter.processKey) query.processDefinitionKey = filter.processKey;
    const variables: { name: string; operator: 'eq'; value: unknown }[] = [];
    if (filter.greenChannel !== undefined) variables.push({ name: 'greenChannel', operator: 'eq', value: filter.greenChannel });
    if (filter.item) variables.push({ name: 'itemCode', operator: 'eq', value: filter.item });
    if (filter.q) {
      const like = `%${likeLiteral(filter.q)}%`;
      orQueries.push({ processInstanceBusinessKeyLike: like, processVariables: [{ name: 'applicant', operator: 'like', value: like }] });
    }
    // Paused cases are only "paused": their tasks' due dates stand still with the clock.
    if (filter.status && filter.status !== 'paused') variables.push({ name: 'clockStopped', operator: 'eq', value: false });
    if (variables.length > 0) query.processVariables = variables;
    switch (filter.status) {
      case 'red':
        query.dueBefore = at;
        break;
      case 'yellow':
        query.dueAfter = at;
        query.followUpBefore = at;
        break;
      case 'normal':
        orQueries.push({ dueAfter: at, withoutDueDate: true });
        orQueries.push({ followUpAfter: at, withoutDueDate: true });
        break;
      case 'paused': {
        const paused = await this.pausedCases();
        // An empty list would mean "no restriction" to the engine.
        query.processInstanceIdIn = paused.length > 0 ? paused : ['none'];
        break;
      }
      default:
        break;
    }
    query.orQueries = orQueries;
    return query;
  }

  async list(principal: Principal, filter: InboxFilter, now = new Date()): Promise<{ total: number; items: InboxItem[] }> {
    const query = await this.query(principal, filter, now);
    if (!query) return { total: 0, items: [] };
    const [total, tasks] = await Promise.all([
      this.engine.taskCount(query),
      this.engine.tasks(query, { firstResult: (filter.page - 1) * filter.pageSize, maxResults: filter.pageSize }),
    ]);
    if (tasks.length === 0) return { total, items: [] };
    const caseIds = [...new Set(tasks.map((task) => task.processInstanceId))];
    const [records, paused, calendar] = await Promise.all([
      this.database.caseRecord.findMany({ where: { caseId: { in: caseIds } }, select: { caseId: true, businessKey: true, applicant: true, greenChannel: true, catalogueCode: true } }),
      this.database.clockStop.findMany({ where: { caseId: { in: caseIds }, resumedAt: null }, select: { caseId: true } }),
      this.calendars.calendar(),
    ]);
    const byCase = new Map(records.map((record) => [record.caseId, record]));
    const pausedCases = new Set(paused.map((stop) => stop.caseId));
    const today = calendar.dayOf(now);
    return {
      total,
      items: tasks.map((task) => {
        const record = byCase.get(task.processInstanceId);
        const due = task.due ? Date.parse(task.due) : undefined;
        const yellowAt = task.followUp ? Date.parse(task.followUp) : undefined;
        const status: TaskStatus = pausedCases.has(task.processInstanceId)
          ? 'paused'
          : due !== undefined && due <= now.getTime()
            ? 'red'
            : yellowAt !== undefined && yellowAt <= now.getTime()
              ? 'yellow'
              : 'normal';
        return {
          id: task.id,
          name: task.name,
          caseId: task.processInstanceId,
          businessKey: record?.businessKey ?? null,
          applicant: record?.applicant ?? null,
          processKey: task.processDefinitionId.split(':')[0]!,
          itemCode: record?.catalogueCode ?? null,
          created: task.created,
          due: task.due,
          yellowAt: task.followUp,
          assignee: task.assignee,
          status,
          workingDaysLeft: task.due ? calendar.workingDaysBetween(today, calendar.dayOf(task.due)) : null,
          greenChannel: record?.greenChannel ?? false,
        };
      }),
    };
  }
}
