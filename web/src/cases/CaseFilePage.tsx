import { useMemo } from 'react';
import { Button, Col, Row, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../common/LoadError.js';
import { localizeBilingual } from '../i18n/index.js';
import { navigate } from '../navigation.js';
import type { PageProps } from '../pageProps.js';
import { hasAnyRole, STAFF_ROLES } from '../session/types.js';
import { useSession } from '../session/SessionContext.js';
import { CaseSummary } from './CaseSummary.js';
import { CaseTimeline } from './CaseTimeline.js';
import { DeadlinesCard } from './DeadlinesCard.js';
import { DecisionPanel } from './decision/DecisionPanel.js';
import { CaseDiagram } from './diagram/CaseDiagram.js';
import { IssuedDocuments } from './IssuedDocuments.js';
import { MaterialsCard } from './MaterialsCard.js';
import { OpenTasks } from './OpenTasks.js';
import { OpinionsTable } from './OpinionsTable.js';
import type { CaseFile } from './types.js';
import { useApiResource } from '../common/useApiResource.js';

/** 案卷: everything about one case, and the decision form of the task being worked on (?task=…). */
export function CaseFilePage({ params, query }: PageProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  const caseId = params.caseId ?? '';
  const file = useApiResource<CaseFile>(`/api/cases/${encodeURIComponent(caseId)}`);
  const staff = hasAnyRole(user, STAFF_ROLES);
  // A task named in the address, else the one I hold here; supervisors only read.
  const requestedTask = query.get('task');
  const taskId = staff ? (requestedTask ?? file.data?.tasks.find((task) => task.mine)?.id ?? null) : null;

  const stepNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const opinion of file.data?.opinions ?? []) names.set(opinion.step, opinion.stepName);
    for (const task of file.data?.tasks ?? []) if (task.name) names.set(task.step, task.name);
    return names;
  }, [file.data]);

  if (file.error && !file.data) return <LoadError error={file.error} title={t('cases.loadFailed')} onRetry={file.reload} />;
  if (!file.data) return <Spin size="large" style={{ display: 'block', marginTop: 64 }} />;

  const data = file.data;
  const selectTask = (id: string) => navigate(`/cases/${encodeURIComponent(caseId)}?task=${encodeURIComponent(id)}`);
  const taskOpen = taskId !== null && data.tasks.some((task) => task.id === taskId);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap size="middle" align="center">
        <Button icon={<ArrowLeftOutlined />} onClick={() => (staff ? navigate('/inbox') : window.history.back())} aria-label={t('cases.back')}>
          {t('cases.back')}
        </Button>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="case-title">
          {t('cases.title', { businessKey: data.businessKey })}
        </Typography.Title>
        <Typography.Text type="secondary">{localizeBilingual(data.processName)}</Typography.Text>
        {data.greenChannel ? <Tag color="green">{t('common.greenChannel')}</Tag> : null}
        {data.paused ? (
          <Tag icon={<PauseCircleOutlined />} color="default">
            {t('cases.deadlines.paused')}
          </Tag>
        ) : null}
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <CaseSummary file={data} />
            <CaseDiagram caseId={caseId} activeNames={data.tasks.map((task) => localizeBilingual(task.name ?? task.step))} />
            <OpinionsTable opinions={data.opinions} />
            <CaseTimeline entries={data.timeline} stepNames={stepNames} />
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {taskId !== null && (taskOpen || requestedTask !== null) ? (
              <DecisionPanel key={taskId} taskId={taskId} onChanged={file.reload} onCompleted={() => navigate('/inbox')} />
            ) : null}
            <OpenTasks tasks={data.tasks} selectedTaskId={taskId} onSelect={staff ? selectTask : undefined} />
            <DeadlinesCard file={data} stepNames={stepNames} />
            <MaterialsCard caseId={caseId} materials={data.materials} />
            {data.documents.length > 0 ? <IssuedDocuments documents={data.documents} /> : null}
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
