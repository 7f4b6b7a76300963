import { useMemo, type HTMLAttributes } from 'react';
import { Alert, Badge, Button, Space, Table, Tag, Typography } from 'antd';
import { FormOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/format.js';
import { LoadError } from '../common/LoadError.js';
import { useApiResource } from '../common/useApiResource.js';
import { itemName } from '../catalogue/types.js';
import { useCatalogue } from '../catalogue/useCatalogue.js';
import { describeError } from '../i18n/describeError.js';
import { navigate } from '../navigation.js';
import { CorrectionNotice } from './CorrectionNotice.js';
import type { MyApplication } from './types.js';
import { useOpenCorrections } from './useOpenCorrections.js';

/** 我的申请: the applicant's cases, and the notices of missing items still to be answered. */
export function MyApplicationsPage() {
  const { t } = useTranslation();
  const mine = useApiResource<{ items: MyApplication[] }>('/api/applications/mine');
  const catalogue = useCatalogue();
  const items = useMemo(() => mine.data?.items ?? [], [mine.data]);
  const running = useMemo(() => items.filter((item) => item.running).map((item) => item.caseId), [items]);
  const corrections = useOpenCorrections(running);
  const nameOf = (item: MyApplication) => (item.itemCode ? itemName(catalogue.byCode.get(item.itemCode), item.itemCode) : '—');

  if (mine.error && !mine.data) return <LoadError error={mine.error} title={t('mine.loadFailed')} onRetry={mine.reload} />;

  const refresh = () => {
    mine.reload();
    corrections.reload();
  };
  const notices = items.flatMap((item) => (corrections.byCase.get(item.caseId) ?? []).map((request) => ({ item, request })));
  const failed = items.filter((item) => corrections.errors.has(item.caseId));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="mine-title">
          {t('mine.pageTitle')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('mine.subtitle')}</Typography.Text>
      </div>
      <Space wrap>
        <Button type="primary" icon={<FormOutlined />} data-testid="mine-new" onClick={() => navigate('/apply')}>
          {t('mine.newApplication')}
        </Button>
        <Button icon={<ReloadOutlined />} data-testid="mine-refresh" loading={mine.loading || corrections.loading} onClick={refresh}>
          {t('mine.refresh')}
        </Button>
      </Space>
      {failed.map((item) => (
        <Alert key={item.caseId} type="error" showIcon title={t('mine.corrections.loadFailed', { businessKey: item.businessKey })} description={describeError(corrections.errors.get(item.caseId), t)} />
      ))}
      {notices.map(({ item, request }) => (
        <CorrectionNotice
          key={request.requestId}
          caseId={item.caseId}
          businessKey={item.businessKey}
          itemCode={item.itemCode}
          item={item.itemCode ? catalogue.byCode.get(item.itemCode)?.definition : undefined}
          request={request}
          departmentName={catalogue.departmentName}
          onSupplied={refresh}
        />
      ))}
      <div data-testid="mine-table">
        <Table<MyApplication>
          rowKey="caseId"
          size="middle"
          loading={mine.loading && !mine.data}
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('mine.empty') }}
          onRow={(item) => ({ 'data-testid': `mine-row-${item.businessKey}` }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('mine.columns.businessKey'), dataIndex: 'businessKey', render: (key: string) => <Typography.Text strong copyable>{key}</Typography.Text> },
            { title: t('mine.columns.item'), key: 'item', render: (_value, item) => nameOf(item) },
            { title: t('mine.columns.applicant'), dataIndex: 'applicant' },
            { title: t('mine.columns.submittedAt'), dataIndex: 'submittedAt', render: (at: string) => formatDateTime(at) },
            {
              title: t('mine.columns.status'),
              key: 'status',
              render: (_value, item) => {
                const open = corrections.byCase.get(item.caseId)?.length ?? 0;
                return (
                  <Space size="small">
                    {item.running ? <Tag color="processing">{t('mine.running')}</Tag> : <Tag color="default">{t('mine.finished')}</Tag>}
                    {open > 0 ? <Badge status="warning" text={t('mine.correctionsOpen')} /> : null}
                  </Space>
                );
              },
            },
          ]}
        />
      </div>
    </Space>
  );
}
