import { Button, Drawer, Empty, Space, Tag, Typography } from 'antd';
import { DiffOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/format.js';
import type { DraftSummary, ProcedureVersion } from './types.js';

export type HistoryEntry = { kind: 'version'; version: ProcedureVersion } | { kind: 'draft'; draft: DraftSummary };

interface HistoryDrawerProps {
  open: boolean;
  processKey: string;
  versions: ProcedureVersion[];
  drafts: DraftSummary[];
  draftsLoading: boolean;
  onOpen(entry: HistoryEntry): void;
  onCompare(entry: HistoryEntry): void;
  onClose(): void;
}

/** The deployed versions and the saved drafts of the open procedure: open any, or compare the editor with it. */
export function HistoryDrawer({ open, processKey, versions, drafts, draftsLoading, onOpen, onCompare, onClose }: HistoryDrawerProps) {
  const { t } = useTranslation();
  const actions = (entry: HistoryEntry, testId: string) => (
    <Space size="small">
      <Button size="small" icon={<FolderOpenOutlined />} onClick={() => onOpen(entry)} data-testid={`${testId}-open`}>
        {t('designer.history.open')}
      </Button>
      <Button size="small" icon={<DiffOutlined />} onClick={() => onCompare(entry)} data-testid={`${testId}-compare`}>
        {t('designer.history.compare')}
      </Button>
    </Space>
  );

  return (
    <Drawer open={open} onClose={onClose} size={460} title={t('designer.history.title', { key: processKey })} data-testid="history-drawer">
      <Typography.Title level={5}>{t('designer.history.versions')}</Typography.Title>
      {versions.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('designer.history.noVersions')} /> : null}
      {versions.map((version) => (
        <div key={version.definitionId} data-testid={`history-version-${version.version}`} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
          <Space size={4} wrap>
            <Tag color="blue">v{version.version}</Tag>
            {version.versionTag ? <Typography.Text>{version.versionTag}</Typography.Text> : null}
            <Typography.Text type="secondary">{formatDateTime(version.deploymentTime)}</Typography.Text>
            {version.runningCases > 0 ? <Tag color="gold">{t('designer.list.running', { count: version.runningCases })}</Tag> : null}
            {version.suspended ? <Tag>{t('designer.history.suspended')}</Tag> : null}
          </Space>
          <div style={{ marginTop: 4 }}>{actions({ kind: 'version', version }, `history-version-${version.version}`)}</div>
        </div>
      ))}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('designer.history.drafts')}
      </Typography.Title>
      {!draftsLoading && drafts.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('designer.history.noDrafts')} /> : null}
      {drafts.map((draft) => (
        <div key={draft.id} data-testid={`history-draft-${draft.id}`} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
          <Space orientation="vertical" size={0}>
            <Typography.Text>{draft.comment || t('designer.list.noComment')}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              #{draft.id} · {draft.author} · {formatDateTime(draft.createdAt)}
            </Typography.Text>
          </Space>
          <div style={{ marginTop: 4 }}>{actions({ kind: 'draft', draft }, `history-draft-${draft.id}`)}</div>
        </div>
      ))}
    </Drawer>
  );
}
