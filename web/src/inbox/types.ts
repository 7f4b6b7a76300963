/** Shapes of `GET /api/inbox`: the server's own types (type-only, nothing of the server is bundled). */
import type { InboxFilter, InboxItem, TaskStatus } from '../../../src/tasks/inbox.js';

export type { InboxFilter, InboxItem, TaskStatus };
export const TASK_STATUSES: readonly TaskStatus[] = ['normal', 'yellow', 'red', 'paused'];

export interface InboxPage {
  total: number;
  page: number;
  pageSize: number;
  items: InboxItem[];
}


export function inboxUrl(filter: InboxFilter): string {
  const params = new URLSearchParams();
  if (filter.processKey) params.set('processKey', filter.processKey);
  if (filter.item) params.set('item', filter.item);
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
