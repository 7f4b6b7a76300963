import { useEffect, useState } from 'react';
import { Input, Segmented, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { TASK_STATUSES, type InboxFilter, type TaskStatus } from './types.js';

export type FilterValues = Omit<InboxFilter, 'page' | 'pageSize' | 'processKey'>;

/** A catalogue item to filter by: its code (sent as `item`) and its name in the UI language. */
export interface ItemOption {
  value: string;
  label: string;
}

const SEARCH_DELAY_MS = 300;

/** Catalogue item, warning state, green channel and a search over case number and applicant. */
export function InboxFilters({ value, items, onChange }: { value: FilterValues; items: ItemOption[]; onChange(next: FilterValues): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value.q ?? '');

  // Typing searches after a short pause instead of on every key.
  useEffect(() => {
    const q = text.trim() || undefined;
    if (q === value.q) return;
    const timer = setTimeout(() => onChange({ ...value, q }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);

  return (
    <Space wrap size="middle" role="search" aria-label={t('inbox.filters.label')}>
      {/* A plain Input: Input.Search puts data-* attributes on its wrapper, not on the field. */}
      <Input
        data-testid="inbox-search"
        type="search"
        aria-label={t('inbox.filters.search')}
        placeholder={t('inbox.filters.search')}
        prefix={<SearchOutlined aria-hidden />}
        allowClear
        style={{ width: 260 }}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onPressEnter={() => onChange({ ...value, q: text.trim() || undefined })}
      />
      <Select<string>
        aria-label={t('inbox.filters.item')}
        placeholder={t('inbox.filters.item')}
        data-testid="inbox-item-filter"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        popupMatchSelectWidth={false}
        style={{ minWidth: 240 }}
        value={value.item}
        options={items}
        onChange={(item) => onChange({ ...value, item: item || undefined })}
      />
      <Segmented<string>
        data-testid="inbox-status-filter"
        aria-label={t('inbox.filters.status')}
        value={value.status ?? 'all'}
        options={[{ value: 'all', label: t('inbox.filters.all') }, ...TASK_STATUSES.map((status) => ({ value: status, label: t(`inbox.status.${status}`) }))]}
        onChange={(status) => onChange({ ...value, status: status === 'all' ? undefined : (status as TaskStatus) })}
      />
      <Select<string>
        aria-label={t('inbox.filters.greenChannel')}
        data-testid="inbox-green-filter"
        style={{ minWidth: 160 }}
        value={value.greenChannel === undefined ? 'all' : String(value.greenChannel)}
        options={[
          { value: 'all', label: t('inbox.filters.greenAll') },
          { value: 'true', label: t('inbox.filters.greenOnly') },
          { value: 'false', label: t('inbox.filters.greenNone') },
        ]}
        onChange={(green) => onChange({ ...value, greenChannel: green === 'all' ? undefined : green === 'true' })}
      />
    </Space>
  );
}
