import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { projectFieldLabel, projectValueText } from '../applications/projectLabels.js';
import { itemName, type CatalogueEntry } from '../catalogue/types.js';
import { formatDateTime } from '../common/format.js';
import { useApiResource } from '../common/useApiResource.js';
import { localizeBilingual } from '../i18n/index.js';
import type { CaseFile } from './types.js';

const KNOWN_PROJECT_FIELDS = ['name', 'address'] as const;

/** The item as of the version the case keeps (its name may have changed since). */
function CatalogueItem({ code, version }: { code: string; version: number }) {
  const entry = useApiResource<CatalogueEntry>(`/api/catalogue/${encodeURIComponent(code)}?version=${version}`);
  return (
    <span data-testid="case-item" title={code}>
      {itemName(entry.data ?? undefined, code)}
    </span>
  );
}

/** Case number, procedure, state, applicant and the project's data. */
export function CaseSummary({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const stateLabel = file.state === 'ACTIVE' ? t('cases.state.active') : file.state === 'COMPLETED' ? t('cases.state.completed') : file.state;
  const otherProjectFields = Object.keys(file.project).filter((key) => !(KNOWN_PROJECT_FIELDS as readonly string[]).includes(key));

  return (
    <Descriptions
      data-testid="case-summary"
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'businessKey', label: t('cases.summary.businessKey'), children: file.businessKey },
        ...(file.catalogue
          ? [
              { key: 'item', label: t('cases.summary.item'), children: <CatalogueItem code={file.catalogue.code} version={file.catalogue.version} /> },
              { key: 'itemVersion', label: t('cases.summary.itemVersion'), children: <span data-testid="case-item-version">{t('cases.summary.version', { version: file.catalogue.version })}</span> },
            ]
          : []),
        { key: 'process', label: t('cases.summary.process'), children: localizeBilingual(file.processName) },
        {
          key: 'state',
          label: t('cases.summary.state'),
          children: <Tag color={file.state === 'ACTIVE' ? 'processing' : 'default'}>{stateLabel}</Tag>,
        },
        {
          key: 'greenChannel',
          label: t('common.greenChannel'),
          children: file.greenChannel ? (
            <Tag color="green" data-testid="green-channel-tag">
              {t('common.greenChannel')}
            </Tag>
          ) : (
            t('common.no')
          ),
        },
        { key: 'applicant', label: t('cases.summary.applicant'), children: <span data-testid="case-applicant">{file.applicant}</span> },
        { key: 'startedAt', label: t('cases.summary.startedAt'), children: formatDateTime(file.startedAt) },
        { key: 'projectName', label: t('cases.summary.projectName'), children: projectValueText(t, 'name', file.project.name) },
        { key: 'projectAddress', label: t('cases.summary.projectAddress'), children: projectValueText(t, 'address', file.project.address) },
        ...otherProjectFields.map((key) => ({ key: `project-${key}`, label: projectFieldLabel(t, key), children: projectValueText(t, key, file.project[key]) })),
        ...(file.endedAt ? [{ key: 'endedAt', label: t('cases.summary.endedAt'), children: formatDateTime(file.endedAt) }] : []),
      ]}
    />
  );
}
