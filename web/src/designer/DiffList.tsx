import { Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { localizeBilingual } from '../i18n/index.js';
import type { ChangeKind, DiffRow } from './bpmn/diff.js';

export const CHANGE_COLORS: Record<ChangeKind, string> = { added: 'green', removed: 'red', changed: 'orange', layout: 'blue' };

/** The changes between the base version and the diagram in the editor; a click shows the element. */
export function DiffList({ rows, onReveal }: { rows: DiffRow[]; onReveal(row: DiffRow): void }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('designer.diff.none')} data-testid="diff-empty" />;
  return (
    <div role="list" data-testid="diff-list" className="designer-list">
      {rows.map((row) => (
        <div
          role="listitem"
          key={`${row.kind}-${row.elementId}`}
          className="designer-list-item designer-list-item-link"
          data-testid="diff-row"
          data-element-id={row.elementId}
          data-change={row.kind}
          onClick={() => onReveal(row)}
        >
          <Space size="small" wrap>
            <Tag color={CHANGE_COLORS[row.kind]}>{t(`designer.diff.kind.${row.kind}`)}</Tag>
            <Typography.Text>{row.name ? localizeBilingual(row.name) : row.elementId}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.type} · <Typography.Text code style={{ fontSize: 12 }}>{row.elementId}</Typography.Text>
            </Typography.Text>
            {row.properties.length > 0 ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('designer.diff.properties', { properties: row.properties.join(', ') })}
              </Typography.Text>
            ) : null}
          </Space>
        </div>
      ))}
    </div>
  );
}
