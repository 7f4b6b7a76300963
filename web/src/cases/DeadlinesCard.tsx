import { Card, Descriptions, Table, Tag } from 'antd';
import { PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/format.js';
import { localizeBilingual } from '../i18n/index.js';
import type { CaseFile, StepDeadline } from './types.js';

/** The statutory clock: the whole case, each step, and whether the clock is stopped. */
export function DeadlinesCard({ file, stepNames }: { file: CaseFile; stepNames: Map<string, string> }) {
  const { t } = useTranslation();
  const { deadlines } = file;
  // A finished case has no clock any more (the API returns its plan only while it runs).
  const running = file.state === 'ACTIVE';
  const clock = !running ? null : file.paused ? (
    <Tag color="default" icon={<PauseCircleOutlined />} data-testid="clock-paused">
      {t('cases.deadlines.paused')}
    </Tag>
  ) : (
    <Tag color="processing" icon={<PlayCircleOutlined />} data-testid="clock-running">
      {t('cases.deadlines.running')}
    </Tag>
  );

  return (
    <Card title={t('cases.deadlines.title')} extra={clock} size="small">
      {deadlines ? (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'deadline', label: t('cases.deadlines.deadline'), children: <span data-testid="case-deadline">{formatDateTime(deadlines.deadline)}</span> },
              { key: 'yellowAt', label: t('cases.deadlines.yellowAt'), children: formatDateTime(deadlines.yellowAt) },
            ]}
          />
          <Table<[string, StepDeadline]>
            size="small"
            pagination={false}
            rowKey={([step]) => step}
            dataSource={Object.entries(deadlines.steps)}
            columns={[
              { title: t('cases.deadlines.step'), key: 'step', render: (_v, [step]) => localizeBilingual(stepNames.get(step) ?? step) },
              { title: t('cases.deadlines.days'), key: 'days', render: (_v, [, plan]) => t('cases.deadlines.workingDays', { count: plan.days }) },
              { title: t('cases.deadlines.stepDeadline'), key: 'deadline', render: (_v, [, plan]) => formatDateTime(plan.deadline) },
            ]}
          />
        </>
      ) : (
        t(running ? 'cases.deadlines.none' : 'cases.deadlines.ended')
      )}
    </Card>
  );
}
