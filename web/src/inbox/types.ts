/** Shapes of `GET /api/inbox` (src/tasks/routes.ts). */
export type TaskStatus = 'normal' | 'yellow' | 'red' | 'paused';
export const TASK_STATUSES: readonly TaskStatus[] = ['normal', 'yellow', 'red', 'paused'];

export interface InboxItem {
  id: string;
  name: string | null;
  caseId: string;
  businessKey: string | null;
  applicant: string | null;
  processKey: string;
  created: string;
  due: string | null;
  yellowAt: string | null;
  assignee: string | null;
  status: TaskStatus;
  /** Working days from today to the due day; negative when overdue. */
  workingDaysLeft: number | null;
  greenChannel: boolean;
}

export interface InboxPage {
  total: number;
  page: number;
  pageSize: number;
  items: InboxItem[];
}

export interface InboxFilter {
  processKey?: string;
  status?: TaskStatus;
  greenChannel?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

export function inboxUrl(filter: InboxFilter): string {
  const params = new URLSearchParams();
  if (filter.processKey) params.set('processKey', filter.processKey);
  if (filter.status) params.set('status', filter.status);
  if (filter.greenChannel !== undefined) params.set('greenChannel', String(filter.greenChannel));
  if (filter.q) params.set('q', filter.q);
  params.set('page', String(filter.page));
  params.set('pageSize', String(filter.pageSize));
  return `/api/inbox?${params.toString()}`;
}

/** The case file with this task's decision form. */
export function caseFilePath(item: Pick<InboxItem, 'caseId' | 'id'>): string {
  return `/cases/${encodeURIComponent(item.caseId)}?task=${encodeURIComponent(item.id)}`;
}
