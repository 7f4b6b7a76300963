import { Card, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useTranslation } from 'react-i18next';
import type { DeployedProcess } from './types.js';

export function ProcessTable({ processes, loading }: { processes: DeployedProcess[]; loading: boolean }) {
  const { t } = useTranslation();

  const columns: ColumnsType<DeployedProcess> = [
    {
      title: t('status.columns.key'),
      dataIndex: 'key',
      render: (key: string) => <Typography.Text code>{key}</Typography.Text>,
    },
    { title: t('status.columns.name'), dataIndex: 'name', render: (name: string | null) => name ?? '—' },
    { title: t('status.columns.version'), dataIndex: 'version', width: 100 },
    {
      title: t('status.columns.tag'),
      dataIndex: 'versionTag',
      render: (tag: string | null) => (tag ? <Tag>{tag}</Tag> : '—'),
    },
  ];

  return (
    <Card title={t('status.processesCard')}>
      {/* Table does not forward data-* attributes, so the test hook sits on a wrapper. */}
      <div data-testid="process-table">
        <Table<DeployedProcess>
          rowKey={(row) => `${row.key}:${row.version}`}
          columns={columns}
          dataSource={processes}
          loading={loading}
          pagination={false}
          size="middle"
          locale={{ emptyText: t('status.emptyProcesses') }}
        />
      </div>
    </Card>
  );
}
