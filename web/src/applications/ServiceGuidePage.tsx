import { useMemo, useState, type HTMLAttributes } from 'react';
import { Button, Input, Space, Table, Typography } from 'antd';
import { FormOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../common/LoadError.js';
import { FeesText, LimitsText, ServiceGuide } from '../catalogue/ServiceGuide.js';
import { bilingualText, type CatalogueEntry } from '../catalogue/types.js';
import { useCatalogue } from '../catalogue/useCatalogue.js';
import { navigate } from '../navigation.js';
import { useSession } from '../session/SessionContext.js';
import { hasAnyRole } from '../session/types.js';

export function applyPath(code: string): string {
  return `/apply/${encodeURIComponent(code)}`;
}

/** 办事指南: the catalogue's items with their service guides; each opens its application form. */
export function ServiceGuidePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const catalogue = useCatalogue();
  const [search, setSearch] = useState('');
  const clerk = hasAnyRole(user, ['clerk']) && !hasAnyRole(user, ['citizen']);

  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    if (!needle) return catalogue.entries;
    return catalogue.entries.filter((entry) => [entry.code, entry.definition.name.zh, entry.definition.name.en].some((text) => text.toLowerCase().includes(needle)));
  }, [catalogue.entries, search]);

  if (catalogue.error && !catalogue.data) return <LoadError error={catalogue.error} title={t('catalogue.loadFailed')} onRetry={catalogue.reload} />;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="guide-title">
          {t('apply.pageTitle')}
        </Typography.Title>
        <Typography.Text type="secondary">{clerk ? t('apply.clerkSubtitle') : t('apply.subtitle')}</Typography.Text>
      </div>
      <Input
        data-testid="guide-search"
        type="search"
        aria-label={t('apply.search')}
        placeholder={t('apply.search')}
        prefix={<SearchOutlined aria-hidden />}
        allowClear
        style={{ maxWidth: 360 }}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      <div data-testid="guide-table">
        <Table<CatalogueEntry>
          rowKey="code"
          loading={catalogue.loading && !catalogue.data}
          dataSource={shown}
          pagination={false}
          size="middle"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('apply.empty') }}
          expandable={{ expandedRowRender: (entry) => <ServiceGuide item={entry.definition} testId={`guide-${entry.code}`} departmentName={catalogue.departmentName} /> }}
          onRow={(entry) => ({ 'data-testid': `guide-row-${entry.code}` }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('apply.columns.item'),
              key: 'item',
              render: (_value, entry) => (
                <span>
                  <Typography.Text strong>{bilingualText(entry.definition.name)}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary" code>
                    {entry.code}
                  </Typography.Text>
                </span>
              ),
            },
            { title: t('apply.columns.department'), key: 'department', render: (_value, entry) => <span>{catalogue.departmentName(entry.definition.department)}</span> },
            { title: t('apply.columns.limits'), key: 'limits', render: (_value, entry) => <LimitsText item={entry.definition} /> },
            { title: t('apply.columns.fees'), key: 'fees', render: (_value, entry) => <FeesText fees={entry.definition.fees} /> },
            {
              title: t('apply.columns.actions'),
              key: 'actions',
              render: (_value, entry) => (
                <Button
                  type="primary"
                  size="small"
                  icon={<FormOutlined />}
                  data-testid={`apply-${entry.code}`}
                  aria-label={t('apply.applyLabel', { name: bilingualText(entry.definition.name) })}
                  onClick={() => navigate(applyPath(entry.code))}
                >
                  {t('apply.apply')}
                </Button>
              ),
            },
          ]}
        />
      </div>
    </Space>
  );
}
