import { useState } from 'react';
import { Alert, App, Button, Card, Space, Tag, Typography } from 'antd';
import { RollbackOutlined, SignatureOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, postJson } from '../../api.js';
import { formatDateTime } from '../../common/format.js';
import { describeError } from '../../i18n/describeError.js';
import { localizeBilingual } from '../../i18n/index.js';
import { useSession } from '../../session/SessionContext.js';
import type { TaskDetail } from '../types.js';
import { useApiResource } from '../../common/useApiResource.js';
import { DecisionForm } from './DecisionForm.js';
import { PrecheckCard } from './PrecheckCard.js';

export interface DecisionPanelProps {
  taskId: string;
  /** After a claim or unclaim: the case file's task list changed too. */
  onChanged(): void;
  onCompleted(): void;
}

/** One task: who holds it, claim/unclaim, and its decision form (editable once I hold it). */
export function DecisionPanel({ taskId, onChanged, onCompleted }: DecisionPanelProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const task = useApiResource<TaskDetail>(`/api/tasks/${encodeURIComponent(taskId)}`);
  const [busy, setBusy] = useState(false);

  const act = async (action: 'claim' | 'unclaim') => {
    setBusy(true);
    try {
      await postJson<null>(`/api/tasks/${encodeURIComponent(taskId)}/${action}`);
      void message.success(t(action === 'claim' ? 'decision.claimed' : 'decision.unclaimed'));
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      setBusy(false);
      task.reload();
      onChanged();
    }
  };

  const title = t('decision.title');
  if (task.error && !task.data) {
    const gone = task.error instanceof ApiError && task.error.status === 404;
    const refused = task.error instanceof ApiError && task.error.status === 403;
    return (
      <Card title={title} size="small">
        <Alert
          type={gone ? 'info' : 'error'}
          showIcon
          data-testid="decision-unavailable"
          title={gone ? t('decision.gone') : refused ? t('decision.notYours') : t('decision.loadFailed')}
          description={gone ? undefined : describeError(task.error, t)}
        />
      </Card>
    );
  }
  if (!task.data) return <Card title={title} size="small" loading />;

  const detail = task.data;
  const mine = detail.assignee !== null && detail.assignee === user?.username;
  const free = detail.assignee === null;

  return (
    <Card
      title={
        <Space size="small">
          {title}
          <Typography.Text type="secondary">{localizeBilingual(detail.name ?? detail.step)}</Typography.Text>
        </Space>
      }
      size="small"
      extra={detail.due ? <Tag>{t('decision.due', { due: formatDateTime(detail.due) })}</Tag> : null}
    >
      {free ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('decision.claimFirst')}
          action={
            <Button type="primary" size="small" icon={<SignatureOutlined />} loading={busy} data-testid="decision-claim" onClick={() => void act('claim')}>
              {t('inbox.actions.claim')}
            </Button>
          }
        />
      ) : mine ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('decision.mine')}
          action={
            <Button size="small" icon={<RollbackOutlined />} loading={busy} data-testid="decision-unclaim" onClick={() => void act('unclaim')}>
              {t('inbox.actions.unclaim')}
            </Button>
          }
        />
      ) : (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="decision-claimed-by-other" title={t('inbox.claimedBy', { name: detail.assignee })} />
      )}
      {detail.precheck ? <PrecheckCard precheck={detail.precheck} /> : null}
      {/* Keyed by holder so that claiming resets the form to an editable one with the defaults. */}
      <DecisionForm key={`${detail.id}:${detail.assignee ?? ''}`} task={detail} editable={mine} onCompleted={onCompleted} />
    </Card>
  );
}
