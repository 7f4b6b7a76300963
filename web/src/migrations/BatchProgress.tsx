import { useEffect, useRef, useState } from 'react';
import { Alert, Progress, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isAbort } from '../api.js';
import { designerApi } from '../designer/designerApi.js';
import type { MigrationStatus } from '../designer/types.js';
import { describeError } from '../i18n/describeError.js';

const POLL_MS = 1_000;

/**
 * A migration batch until it is done: the engine migrates each case on its own job; a case
 * that cannot migrate stays on its version and is listed with the engine's reason.
 */
export function BatchProgress({ batchId, onDone }: { batchId: string; onDone(status: MigrationStatus): void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<MigrationStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const doneRef = useRef(onDone);
  doneRef.current = onDone;

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await designerApi.migration(batchId);
        if (stopped) return;
        setStatus(next);
        setError(null);
        if (next.done) {
          doneRef.current(next);
          return;
        }
      } catch (caught) {
        if (stopped || isAbort(caught)) return;
        // Keep polling: one failed request under load is no reason to give up on the batch.
        setError(caught);
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [batchId]);

  const total = status?.total ?? 0;
  const finished = (status?.completed ?? 0) + (status?.failed ?? 0);
  const percent = total > 0 ? Math.round((finished / total) * 100) : status?.done ? 100 : 0;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="migration-batch" data-batch-id={batchId} data-done={status?.done ? 'true' : 'false'}>
      <Typography.Text type="secondary">{t('migrations.batch.id', { id: batchId })}</Typography.Text>
      <Progress percent={percent} status={status?.done ? (status.failures.length ? 'exception' : 'success') : 'active'} data-testid="migration-progress" />
      <Typography.Text data-testid="migration-counts">
        {t('migrations.batch.counts', { total, completed: status?.completed ?? 0, failed: status?.failed ?? 0, remaining: status?.remaining ?? 0 })}
      </Typography.Text>
      {error ? <Alert type="warning" showIcon title={describeError(error, t)} /> : null}
      {status?.done ? (
        status.failures.length === 0 ? (
          <Alert type="success" showIcon title={t('migrations.batch.done', { count: status.total })} data-testid="migration-done" />
        ) : (
          <Alert
            type="warning"
            showIcon
            data-testid="migration-done"
            title={t('migrations.batch.doneWithFailures', { failed: status.failures.length, total: status.total })}
            description={
              <Table
                size="small"
                pagination={false}
                rowKey={(failure) => `${failure.caseId}-${failure.reason}`}
                dataSource={status.failures}
                data-testid="migration-failures"
                columns={[
                  { title: t('migrations.batch.case'), dataIndex: 'caseId', render: (caseId: string | null) => <Typography.Text code>{caseId ?? '—'}</Typography.Text> },
                  { title: t('migrations.batch.reason'), dataIndex: 'reason' },
                ]}
              />
            }
          />
        )
      ) : null}
    </Space>
  );
}
