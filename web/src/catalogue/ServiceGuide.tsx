import { Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../common/format.js';
import { typeLabels } from '../applications/materialFiles.js';
import { localizeBilingual } from '../i18n/index.js';
import { bilingualText, maxSizeBytes, type FeeSpec, type ItemDefinition, type MaterialSpec } from './types.js';

/** "承诺 1 个工作日 · 法定 15 个工作日 …": the limits a citizen is promised. */
export function LimitsText({ item }: { item: ItemDefinition }) {
  const { t } = useTranslation();
  const { limits } = item;
  const parts = [
    limits.committedDays ? t('catalogue.committed', { count: limits.committedDays }) : null,
    t('catalogue.statutory', { count: limits.statutoryDays }),
    limits.extensionDays ? t('catalogue.extension', { count: limits.extensionDays }) : null,
  ].filter((part): part is string => part !== null);
  return (
    <span>
      {parts.join(' · ')}
      {item.greenChannel ? (
        <Tag color="green" style={{ marginInlineStart: 8 }}>
          {t('catalogue.greenChannel', { count: item.greenChannel.committedDays })}
        </Tag>
      ) : null}
    </span>
  );
}

/** The fees, with their legal basis when `detailed`. */
export function FeesText({ fees, detailed = false }: { fees: FeeSpec[]; detailed?: boolean }) {
  const { t } = useTranslation();
  if (fees.length === 0) return <span>{t('catalogue.free')}</span>;
  return (
    <span>
      {fees.map((fee) => (
        <span key={fee.name.zh} style={{ display: 'block' }}>
          {bilingualText(fee.name)}
          {t('catalogue.separator')}
          {fee.amountYuan === null ? t('catalogue.byCase') : t('catalogue.amount', { amount: fee.amountYuan.toLocaleString() })}
          {detailed ? (
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              {localizeBilingual(fee.basis)}
            </Typography.Text>
          ) : null}
        </span>
      ))}
    </span>
  );
}

function Lines({ lines }: { lines: string[] }) {
  return (
    <ol style={{ margin: 0, paddingInlineStart: 20 }}>
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ol>
  );
}

export function MaterialsTable({ materials }: { materials: MaterialSpec[] }) {
  const { t } = useTranslation();
  return (
    <Table<MaterialSpec>
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={materials}
      columns={[
        {
          title: t('catalogue.material'),
          key: 'name',
          render: (_value, material) => (
            <span>
              {bilingualText(material.name)}
              {material.note ? (
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  {material.note}
                </Typography.Text>
              ) : null}
            </span>
          ),
        },
        {
          title: t('catalogue.mandatory'),
          key: 'mandatory',
          render: (_value, material) => (material.mandatory ? <Tag color="red">{t('catalogue.mandatory')}</Tag> : <Tag>{t('catalogue.optional')}</Tag>),
        },
        { title: t('catalogue.fileTypes'), key: 'types', render: (_value, material) => typeLabels(material.fileTypes, ' / ') },
        { title: t('catalogue.maxSize'), key: 'size', render: (_value, material) => formatBytes(maxSizeBytes(material)) },
      ]}
    />
  );
}

/** The six disclosures of an item (办事指南): basis, conditions, materials, fees, limits, result. */
export function ServiceGuide({ item, testId, departmentName = (code) => code }: { item: ItemDefinition; testId?: string; departmentName?: (code: string) => string }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      data-testid={testId}
      bordered
      size="small"
      column={1}
      items={[
        { key: 'department', label: t('catalogue.department'), children: <span data-testid="guide-department">{departmentName(item.department)}</span> },
        { key: 'window', label: t('catalogue.window'), children: <Typography.Text code>{item.window}</Typography.Text> },
        {
          key: 'limits',
          label: t('catalogue.limits'),
          children: (
            <span>
              <LimitsText item={item} />
              {item.jointReview ? (
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  {t('catalogue.jointReview', { count: item.jointReview.departments.length })}
                </Typography.Text>
              ) : null}
            </span>
          ),
        },
        { key: 'legalBasis', label: t('catalogue.legalBasis'), children: <Lines lines={item.legalBasis} /> },
        { key: 'conditions', label: t('catalogue.conditions'), children: <Lines lines={item.conditions} /> },
        { key: 'materials', label: t('catalogue.materials'), children: <MaterialsTable materials={item.materials} /> },
        { key: 'fees', label: t('catalogue.fees'), children: <FeesText fees={item.fees} detailed /> },
        { key: 'result', label: t('catalogue.result'), children: t(`catalogue.resultDocuments.${item.resultDocument}`) },
      ]}
    />
  );
}

