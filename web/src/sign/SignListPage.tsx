import { Button, Space, Table, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../common/format.js';
import { LoadError } from '../common/LoadError.js';
import { useApiResource } from '../common/useApiResource.js';
import { navigate } from '../navigation.js';
import { AWAITING_PATH, signPath, type AwaitingDocument } from './types.js';

/** 待签文件: what the user still has to sign, oldest first (the API's order). */
export function SignListPage() {
  const { t } = useTranslation();
  const awaiting = useApiResource<{ documents: AwaitingDocument[] }>(AWAITING_PATH);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="sign-title">
          {t('sign.pageTitle')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('sign.subtitle')}</Typography.Text>
      </div>
      {awaiting.error ? <LoadError error={awaiting.error} title={t('sign.loadFailed')} onRetry={awaiting.reload} /> : null}
      <Table<AwaitingDocument>
        data-testid="sign-list"
        rowKey="number"
        size="middle"
        loading={awaiting.loading && !awaiting.data}
        dataSource={awaiting.data?.documents ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('sign.empty') }}
        columns={[
          { title: t('sign.columns.number'), dataIndex: 'number', key: 'number', render: (number: string) => <Typography.Text code>{number}</Typography.Text> },
          { title: t('sign.columns.kind'), key: 'kind', render: (_v, document) => t(`documentKinds.${document.kind}`) },
          { title: t('sign.columns.title'), dataIndex: 'title', key: 'title' },
          { title: t('sign.columns.issuedAt'), key: 'issuedAt', render: (_v, document) => formatDate(document.issuedAt) },
          {
            title: t('sign.columns.progress'),
            key: 'progress',
            render: (_v, document) => t('sign.progress', { signed: document.signedBy.length, required: document.requiredSigners.length }),
          },
          {
            title: t('sign.columns.actions'),
            key: 'actions',
            render: (_v, document) => (
              <Button type="primary" size="small" icon={<EditOutlined />} data-testid={`sign-${document.number}`} onClick={() => navigate(signPath(document.number))}>
                {t('sign.open')}
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}
