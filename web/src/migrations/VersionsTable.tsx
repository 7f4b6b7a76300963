import { Radio, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/format.js';
import type { ProcedureVersion } from '../designer/types.js';

interface VersionsTableProps {
  versions: ProcedureVersion[];
  source: string | null;
  target: string | null;
  onSource(definitionId: string): void;
  onTarget(definitionId: string): void;
}

/** A procedure's versions with their running cases; pick the version cases leave (source) and the one they go to (target). */
export function VersionsTable({ versions, source, target, onSource, onTarget }: VersionsTableProps) {
  const { t } = useTranslation();
  return (
    <Table<ProcedureVersion>
      rowKey="definitionId"
      size="small"
      pagination={false}
      dataSource={versions}
      data-testid="migration-versions"
      columns={[
        {
          title: t('migrations.versions.version'),
          render: (_, version) => (
            <span data-testid={`migration-version-${version.version}`}>
              <Tag color="blue">v{version.version}</Tag>
              {version.versionTag ? <Typography.Text type="secondary">{version.versionTag}</Typography.Text> : null}
            </span>
          ),
        },
        { title: t('migrations.versions.deployed'), render: (_, version) => formatDateTime(version.deploymentTime) },
        {
          title: t('migrations.versions.running'),
          align: 'right',
          render: (_, version) => <span data-testid={`migration-running-${version.version}`}>{version.runningCases}</span>,
        },
        {
          title: t('migrations.versions.source'),
          align: 'center',
          render: (_, version) => (
            <span data-testid={`migration-source-${version.version}`}>
              <Radio
                checked={source === version.definitionId}
                disabled={target === version.definitionId}
                onChange={() => onSource(version.definitionId)}
                aria-label={t('migrations.versions.sourceOf', { version: version.version })}
              />
            </span>
          ),
        },
        {
          title: t('migrations.versions.target'),
          align: 'center',
          render: (_, version) => (
            <span data-testid={`migration-target-${version.version}`}>
              <Radio
                checked={target === version.definitionId}
                disabled={source === version.definitionId}
                onChange={() => onTarget(version.definitionId)}
                aria-label={t('migrations.versions.targetOf', { version: version.version })}
              />
            </span>
          ),
        },
      ]}
    />
  );
}
