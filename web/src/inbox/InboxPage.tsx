import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Space, Typography } from 'antd';
import { FormOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isForbidden, postJson } from '../api.js';
import { ForbiddenPage } from '../common/ForbiddenPage.js';
import { itemName } from '../catalogue/types.js';
import { useCatalogue } from '../catalogue/useCatalogue.js';
import { describeError } from '../i18n/describeError.js';
import { navigate } from '../navigation.js';
import { useSession } from '../session/SessionContext.js';
import { hasAnyRole } from '../session/types.js';
import { InboxFilters, type FilterValues, type ItemOption } from './InboxFilters.js';
import { InboxTable } from './InboxTable.js';
import { KeyboardHelp } from './KeyboardHelp.js';
import { caseFilePath, type InboxItem } from './types.js';
import { useInbox } from './useInbox.js';
import { useInboxKeyboard } from './useInboxKeyboard.js';

const DEFAULT_PAGE_SIZE = 20;

/** 待办: the department's tasks, unclaimed or mine, most urgent first (the API sorts by due date). */
export function InboxPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const me = user?.username ?? '';
  const [filters, setFilters] = useState<FilterValues>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const inbox = useInbox({ ...filters, ...paging });
  const { whilePaused } = inbox;
  const items = useMemo(() => inbox.data?.items ?? [], [inbox.data]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const catalogue = useCatalogue();
  const [seenCodes, setSeenCodes] = useState<string[]>([]);

  // Items no longer in the catalogue (withdrawn) still have running cases: offer every code seen too.
  useEffect(() => {
    setSeenCodes((known) => {
      const merged = new Set([...known, ...items.flatMap((item) => (item.itemCode ? [item.itemCode] : []))]);
      return merged.size === known.length ? known : [...merged].sort();
    });
  }, [items]);

  // `t` as a dependency: itemName reads the language, and `t` changes with it.
  const nameOf = useCallback((item: InboxItem) => (item.itemCode ? itemName(catalogue.byCode.get(item.itemCode), item.itemCode) : item.processKey), [catalogue.byCode, t]);
  const itemOptions: ItemOption[] = useMemo(() => {
    const options = catalogue.entries.map((entry) => ({ value: entry.code, label: itemName(entry, entry.code) }));
    const extra = seenCodes.filter((code) => !catalogue.byCode.has(code)).map((code) => ({ value: code, label: code }));
    return [...options, ...extra];
  }, [catalogue.entries, catalogue.byCode, seenCodes, t]);

  // Keep a selection that is still on the page; otherwise select the first row.
  useEffect(() => {
    if (items.length === 0) setSelectedId(null);
    else if (!items.some((item) => item.id === selectedId)) setSelectedId(items[0]!.id);
  }, [items, selectedId]);

  useEffect(() => {
    if (selectedId) document.querySelector(`[data-row-key="${CSS.escape(selectedId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  const changeFilters = useCallback((next: FilterValues) => {
    setFilters(next);
    setPaging((current) => ({ ...current, page: 1 }));
  }, []);

  const open = useCallback((item: InboxItem) => navigate(caseFilePath(item)), []);

  const act = useCallback(
    async (item: InboxItem, action: 'claim' | 'unclaim') => {
      setBusyId(item.id);
      try {
        await whilePaused(() => postJson<null>(`/api/tasks/${encodeURIComponent(item.id)}/${action}`));
        void message.success(t(action === 'claim' ? 'inbox.claimed' : 'inbox.unclaimed', { subject: item.businessKey ?? item.caseId }));
      } catch (error) {
        void message.error(describeError(error, t));
      } finally {
        setBusyId(null);
      }
    },
    [whilePaused, message, t],
  );

  const selected = items.find((item) => item.id === selectedId);
  useInboxKeyboard({
    move: (step) => {
      if (items.length === 0) return;
      const index = items.findIndex((item) => item.id === selectedId);
      const next = Math.min(items.length - 1, Math.max(0, index + step));
      setSelectedId(items[next]!.id);
    },
    open: () => selected && open(selected),
    claim: () => {
      if (selected && selected.assignee === null && busyId === null) void act(selected, 'claim');
    },
    unclaim: () => {
      if (selected && selected.assignee === me && busyId === null) void act(selected, 'unclaim');
    },
  });

  if (isForbidden(inbox.error)) return <ForbiddenPage />;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="inbox-title">
          {t('inbox.pageTitle')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('inbox.subtitle')}</Typography.Text>
      </div>
      {hasAnyRole(user, ['clerk']) ? (
        // The window takes applications in on the applicant's behalf (one-window intake).
        <Button icon={<FormOutlined />} data-testid="inbox-take-in" onClick={() => navigate('/apply')}>
          {t('inbox.takeIn')}
        </Button>
      ) : null}
      <InboxFilters value={filters} items={itemOptions} onChange={changeFilters} />
      {inbox.error ? <Alert type="error" showIcon data-testid="inbox-error" title={t('inbox.loadFailed')} description={describeError(inbox.error, t)} /> : null}
      <InboxTable
        items={items}
        itemName={nameOf}
        loading={inbox.loading && !inbox.data}
        selectedId={selectedId}
        busyId={busyId}
        me={me}
        onSelect={(item) => setSelectedId(item.id)}
        onOpen={open}
        onClaim={(item) => void act(item, 'claim')}
        onUnclaim={(item) => void act(item, 'unclaim')}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: inbox.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('inbox.total', { count: total }),
          onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
        }}
      />
      <KeyboardHelp />
    </Space>
  );
}
