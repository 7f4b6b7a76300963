import { useMemo, useState, type HTMLAttributes } from 'react';
import { Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, FileAddOutlined, FolderOpenOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/format.js';
import { localizeBilingual } from '../i18n/index.js';
import type { Procedure, ProcedureVersion } from './types.js';

interface ProcedureListProps {
  procedures: Procedure[];
  loading: boolean;
  onOpenVersion(procedure: Procedure, version: ProcedureVersion): void;
  onOpenDraft(procedure: Procedure, draftId: number): void;
  onNew(): void;
  onImport(): void;
}

function runningTotal(procedure: Procedure): number {
  return procedure.versions.reduce((sum, version) => sum + version.runningCases, 0);
}

/** The procedures to design: every process key in the engine and every key that exists only as a draft. */
export function ProcedureList({ procedures, loading, onOpenVersion, onOpenDraft, onNew, onImport }: ProcedureListProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');

  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    if (!needle) return procedures;
    return procedures.filter((procedure) => procedure.key.toLowerCase().includes(needle) || (procedure.name ?? '').toLowerCase().includes(needle));
  }, [procedures, search]);

  return (
    <Card
      title={t('designer.list.title')}
      extra={
        <Space wrap>
          <Button icon={<FileAddOutlined />} onClick={onNew} data-testid="designer-new">
            {t('designer.toolbar.new')}
          </Button>
          <Button icon={<UploadOutlined />} onClick={onImport} data-testid="designer-import">
            {t('designer.toolbar.import')}
          </Button>
        </Space>
      }
    >
      <Input.Search
        allowClear
        placeholder={t('designer.list.search')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        style={{ maxWidth: 360, marginBottom: 12 }}
        data-testid="procedure-search"
        aria-label={t('designer.list.search')}
      />
      <Table<Procedure>
        rowKey="key"
        size="small"
        loading={loading}
        dataSource={shown}
        pagination={{ pageSize: 15, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(procedure) => ({ 'data-testid': `procedure-row-${procedure.key}` }) as HTMLAttributes<HTMLElement>}
        expandable={{
          rowExpandable: (procedure) => procedure.versions.length > 1,
          expandedRowRender: (procedure) => (
            <Space wrap size="small">
              <Typography.Text type="secondary">{t('designer.list.allVersions')}</Typography.Text>
              {procedure.versions.map((version) => (
                <Button key={version.definitionId} size="small" onClick={() => onOpenVersion(procedure, version)} data-testid={`open-version-${procedure.key}-${version.version}`}>
                  v{version.version}
                  {version.versionTag ? ` (${version.versionTag})` : ''}
                  {version.runningCases > 0 ? ` · ${t('designer.list.running', { count: version.runningCases })}` : ''}
                </Button>
              ))}
            </Space>
          ),
        }}
        columns={[
          {
            title: t('designer.list.key'),
            dataIndex: 'key',
            render: (key: string) => <Typography.Text code>{key}</Typography.Text>,
          },
          { title: t('designer.list.name'), dataIndex: 'name', render: (name: string | null) => (name ? localizeBilingual(name) : '—') },
          {
            title: t('designer.list.latestVersion'),
            render: (_, procedure) => {
              const latest = procedure.versions[0];
              if (!latest) return <Tag>{t('designer.list.notDeployed')}</Tag>;
              return (
                <Space size={4} wrap>
                  <Tag color="blue">v{latest.version}</Tag>
                  {latest.versionTag ? <Typography.Text type="secondary">{latest.versionTag}</Typography.Text> : null}
                  <Typography.Text type="secondary">{formatDateTime(latest.deploymentTime)}</Typography.Text>
                </Space>
              );
            },
          },
          { title: t('designer.list.runningCases'), align: 'right', render: (_, procedure) => runningTotal(procedure) },
          {
            title: t('designer.list.latestDraft'),
            render: (_, procedure) =>
              procedure.latestDraft ? (
                <Space orientation="vertical" size={0}>
                  <Typography.Text ellipsis style={{ maxWidth: 220 }}>
                    {procedure.latestDraft.comment || t('designer.list.noComment')}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {procedure.latestDraft.author} · {formatDateTime(procedure.latestDraft.createdAt)}
                  </Typography.Text>
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: t('designer.list.actions'),
            render: (_, procedure) => (
              <Space size="small" wrap>
                {procedure.versions[0] ? (
                  <Button size="small" type="primary" icon={<FolderOpenOutlined />} onClick={() => onOpenVersion(procedure, procedure.versions[0]!)} data-testid={`open-latest-${procedure.key}`}>
                    {t('designer.list.openLatest')}
                  </Button>
                ) : null}
                {procedure.latestDraft ? (
                  <Button size="small" icon={<EditOutlined />} onClick={() => onOpenDraft(procedure, procedure.latestDraft!.id)} data-testid={`open-draft-${procedure.key}`}>
                    {t('designer.list.openDraft')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
