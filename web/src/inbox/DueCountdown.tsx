import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined, PauseCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { countdownText } from './countdown.js';
import type { TaskStatus } from './types.js';

const COLOR: Record<TaskStatus, string> = { normal: 'success', yellow: 'warning', red: 'error', paused: 'default' };
const ICON: Record<TaskStatus, ReactNode> = {
  normal: <ClockCircleOutlined />,
  yellow: <WarningOutlined />,
  red: <ExclamationCircleOutlined />,
  paused: <PauseCircleOutlined />,
};

/** The working-day countdown of a task, coloured by its warning state (the colour is also spelled out for screen readers). */
export function DueCountdown({ status, workingDaysLeft, testId }: { status: TaskStatus; workingDaysLeft: number | null; testId?: string }) {
  const { t } = useTranslation();
  const text = countdownText(t, status, workingDaysLeft);
  const label = `${t(`inbox.status.${status}`)}: ${text}`;
  return (
    <Tag color={COLOR[status]} icon={ICON[status]} title={label} aria-label={label} data-testid={testId} data-status={status}>
      {status === 'paused' ? t('inbox.countdown.paused', { text }) : text}
    </Tag>
  );
}
