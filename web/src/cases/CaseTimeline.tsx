import { Card, Tag, Timeline, Typography } from 'antd';
import { CheckCircleOutlined, PauseCircleOutlined, PlayCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/format.js';
import { localizeBilingual } from '../i18n/index.js';
import { isRedWarning as isRed, timelineText } from './timelineText.js';
import type { TimelineEntry } from './types.js';

/** What happened to the case, in order; clock stops and warnings stand out with their own colour, icon and tag. */
export function CaseTimeline({ entries, stepNames }: { entries: TimelineEntry[]; stepNames: Map<string, string> }) {
  const { t } = useTranslation();
  const items = entries.map((entry, index) => {
    const marked = entry.kind === 'pause' || entry.kind === 'resume' || entry.kind === 'warning';
    const color = entry.kind === 'pause' ? 'gray' : entry.kind === 'resume' ? 'green' : entry.kind === 'warning' ? (isRed(entry) ? 'red' : 'orange') : 'blue';
    const icon =
      entry.kind === 'pause' ? <PauseCircleOutlined /> : entry.kind === 'resume' ? <PlayCircleOutlined /> : entry.kind === 'warning' ? <WarningOutlined /> : <CheckCircleOutlined />;
    return {
      key: `${entry.at}-${index}`,
      color,
      icon,
      title: formatDateTime(entry.at),
      content: (
        <span data-testid={`timeline-${entry.kind}`}>
          {marked ? (
            <Tag color={entry.kind === 'warning' ? (isRed(entry) ? 'error' : 'warning') : entry.kind === 'pause' ? 'default' : 'success'}>{t(`cases.timeline.${entry.kind}`)}</Tag>
          ) : null}
          <Typography.Text strong={marked}>{timelineText(entry, t, (step) => localizeBilingual(stepNames.get(step) ?? step))}</Typography.Text>
        </span>
      ),
    };
  });

  return (
    <Card title={t('cases.timeline.title')} size="small">
      <div data-testid="case-timeline">{items.length > 0 ? <Timeline items={items} /> : t('cases.timeline.none')}</div>
    </Card>
  );
}
