import { Alert, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../i18n/describeError.js';
import { EngineStatusCard } from './EngineStatusCard.js';
import { ProcessTable } from './ProcessTable.js';
import { useSystemStatus } from './useSystemStatus.js';

export function StatusPage() {
  const { t } = useTranslation();
  const { data, error, loading } = useSystemStatus();

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('status.pageTitle')}
      </Typography.Title>
      {error ? (
        <Alert
          type="error"
          showIcon
          data-testid="status-error"
          title={t('status.loadFailed')}
          description={describeError(error, t)}
        />
      ) : null}
      {data ? (
        <EngineStatusCard engine={data.engine} />
      ) : loading ? (
        <Card loading title={t('status.engineCard')} />
      ) : null}
      {/* Without any answer yet, an empty table would wrongly claim nothing is deployed. */}
      {data || loading ? <ProcessTable processes={data?.processes ?? []} loading={!data} /> : null}
    </Space>
  );
}
