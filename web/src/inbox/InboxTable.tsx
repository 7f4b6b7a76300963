import type { HTMLAttributes } from 'react';
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType, TablePaginationConfig } from 'antd/es/table/index.js';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../common/format.js';
import { localizeBilingual } from '../i18n/index.js';
import { ClaimActions, type ClaimActionsProps } from './ClaimActions.js';
import { DueCountdown } from './DueCountdown.js';
import type { InboxItem } from './types.js';
import './inbox.css';

export interface InboxTableProps extends Omit<ClaimActionsProps, 'item' | 'busy'> {
  items: InboxItem[];
  loading: boolean;
  selectedId: string | null;
  busyId: string | null;
  pagination: TablePaginationConfig;
  onSelect(item: InboxItem): void;
  /** The catalogue item's name, or the process key for cases from outside the catalogue (the demo procedure). */
  itemName(item: InboxItem): string;
}

export function InboxTable({ items, loading, selectedId, busyId, pagination, onSelect, itemName, me, onOpen, onClaim, onUnclaim }: InboxTableProps) {
  const { t } = useTranslation();

  const columns: ColumnsType<InboxItem> = [
    {
      title: t('inbox.columns.businessKey'),
      dataIndex: 'businessKey',
      render: (_value, item) => (
        <Typography.Link onClick={() => onOpen(item)}>{item.businessKey ?? item.caseId.slice(0, 8)}</Typography.Link>
      ),
    },
    { title: t('inbox.columns.applicant'), dataIndex: 'applicant', render: (applicant: string | null) => applicant ?? '—' },
    {
      title: t('inbox.columns.item'),
      key: 'item',
      render: (_value, item) => (item.itemCode ? <span data-testid={`item-name-${item.id}`}>{itemName(item)}</span> : <Typography.Text code>{item.processKey}</Typography.Text>),
    },
    {
      title: t('inbox.columns.step'),
      dataIndex: 'name',
      render: (name: string | null, item) => (
        <>
          {name ? localizeBilingual(name) : '—'}
          {item.greenChannel ? (
            <Tag color="green" style={{ marginInlineStart: 8 }}>
              {t('common.greenChannel')}
            </Tag>
          ) : null}
        </>
      ),
    },
    { title: t('inbox.columns.due'), dataIndex: 'due', render: (due: string | null) => formatDate(due) },
    {
      title: t('inbox.columns.countdown'),
      dataIndex: 'workingDaysLeft',
      render: (_value, item) => <DueCountdown status={item.status} workingDaysLeft={item.workingDaysLeft} testId={`countdown-${item.id}`} />,
    },
    { title: t('inbox.columns.assignee'), dataIndex: 'assignee', render: (assignee: string | null) => (assignee === null ? '—' : assignee === me ? t('inbox.me') : assignee) },
    {
      title: t('inbox.columns.actions'),
      key: 'actions',
      render: (_value, item) => <ClaimActions item={item} me={me} busy={busyId === item.id} onOpen={onOpen} onClaim={onClaim} onUnclaim={onUnclaim} />,
    },
  ];

  return (
    // Table does not forward data-* attributes, so the test hook sits on a wrapper.
    <div data-testid="inbox-table">
      <Table<InboxItem>
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={pagination}
        size="middle"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('inbox.empty') }}
        rowClassName={(item) => (item.id === selectedId ? 'inbox-row-selected' : '')}
        onRow={(item) =>
          ({
            'data-testid': `inbox-row-${item.id}`,
            'aria-selected': item.id === selectedId,
            onClick: () => onSelect(item),
            onDoubleClick: () => onOpen(item),
          }) as HTMLAttributes<HTMLElement>
        }
      />
    </div>
  );
}
