import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/format.js';
import { localizeBilingual } from '../i18n/index.js';
import type { Opinion } from './types.js';

const DECISION_COLORS: Record<string, string> = { approve: 'success', accept: 'success', grant: 'success', object: 'error', reject: 'error', refuse: 'error', correction: 'warning', notice: 'warning' };
const KNOWN_DECISIONS = ['approve', 'object', 'correction'] as const;
type KnownDecision = (typeof KNOWN_DECISIONS)[number];
const isKnown = (decision: string): decision is KnownDecision => (KNOWN_DECISIONS as readonly string[]).includes(decision);

/** Decisions and opinions recorded on this case, by every department that decided. */
export function OpinionsTable({ opinions }: { opinions: Opinion[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('cases.opinions.title')} size="small">
      <div data-testid="case-opinions">
        <Table<Opinion>
          size="small"
          rowKey={(opinion) => `${opinion.step}:${opinion.decidedAt}:${opinion.author}`}
          pagination={false}
          dataSource={opinions}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('cases.opinions.none') }}
          columns={[
            { title: t('cases.opinions.step'), dataIndex: 'stepName', render: (name: string) => localizeBilingual(name) },
            { title: t('cases.opinions.department'), dataIndex: 'departmentName', render: (name: string | null) => (name ? localizeBilingual(name) : '—') },
            {
              title: t('cases.opinions.decision'),
              dataIndex: 'decision',
              // The form's own label first: the same value means different things in different procedures.
              render: (decision: string | null, opinion) =>
                decision ? (
                  <Tag color={DECISION_COLORS[decision] ?? 'default'}>{opinion.decisionLabel ? localizeBilingual(opinion.decisionLabel) : isKnown(decision) ? t(`cases.decisions.${decision}`) : decision}</Tag>
                ) : (
                  '—'
                ),
            },
            { title: t('cases.opinions.opinion'), dataIndex: 'opinion', render: (text: string | null) => <span style={{ whiteSpace: 'pre-wrap' }}>{text ?? '—'}</span> },
            { title: t('cases.opinions.author'), dataIndex: 'author' },
            { title: t('cases.opinions.decidedAt'), dataIndex: 'decidedAt', render: (at: string) => formatDateTime(at) },
          ]}
        />
      </div>
    </Card>
  );
}
