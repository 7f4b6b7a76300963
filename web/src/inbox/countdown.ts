import type { TFunction } from 'i18next';
import type { TaskStatus } from './types.js';

/** "剩余 3 个工作日" / "超期 2 个工作日" / "今日到期"; or "无时限" without a due date. */
export function countdownText(t: TFunction, status: TaskStatus, workingDaysLeft: number | null): string {
  if (workingDaysLeft === null) return t('inbox.countdown.noDue');
  if (workingDaysLeft < 0) return t('inbox.countdown.overdue', { count: -workingDaysLeft });
  if (workingDaysLeft === 0) return status === 'red' ? t('inbox.countdown.overdueToday') : t('inbox.countdown.dueToday');
  return t('inbox.countdown.left', { count: workingDaysLeft });
}
