import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Space, Spin, Typography } from 'antd';
import { ExpandOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../i18n/describeError.js';
import type { CaseDiagramData } from '../types.js';
import { useApiResource } from '../../common/useApiResource.js';
import type { RenderedDiagram } from './bpmnViewer.js';

const LEGEND = [
  { key: 'completed', stroke: '#389e0d', fill: '#f6ffed' },
  { key: 'active', stroke: '#1677ff', fill: '#e6f4ff' },
] as const;

/** The procedure's BPMN diagram with the steps done (green) and under way (blue). */
export function CaseDiagram({ caseId, activeNames }: { caseId: string; activeNames: string[] }) {
  const { t } = useTranslation();
  const diagram = useApiResource<CaseDiagramData>(`/api/cases/${encodeURIComponent(caseId)}/diagram`);
  const container = useRef<HTMLDivElement>(null);
  const rendered = useRef<RenderedDiagram | null>(null);
  const [renderError, setRenderError] = useState<unknown>(null);
  const [drawing, setDrawing] = useState(true);

  useEffect(() => {
    const data = diagram.data;
    const element = container.current;
    if (!data || !element) return;
    let cancelled = false;
    setDrawing(true);
    setRenderError(null);
    void import('./bpmnViewer.js')
      .then(({ renderDiagram }) => renderDiagram(element, data.xml, data.completed, data.active))
      .then(
        (result) => {
          if (cancelled) result.destroy();
          else rendered.current = result;
        },
        (error: unknown) => !cancelled && setRenderError(error),
      )
      .finally(() => !cancelled && setDrawing(false));
    return () => {
      cancelled = true;
      rendered.current?.destroy();
      rendered.current = null;
    };
  }, [diagram.data]);

  const error = diagram.error ?? renderError;
  const summary = activeNames.length > 0 ? t('cases.diagram.summary', { steps: activeNames.join('、') }) : t('cases.diagram.summaryNone');

  return (
    <Card
      title={t('cases.diagram.title')}
      size="small"
      extra={
        <Button size="small" icon={<ExpandOutlined />} onClick={() => rendered.current?.fit()} aria-label={t('cases.diagram.fit')}>
          {t('cases.diagram.fit')}
        </Button>
      }
    >
      {error ? <Alert type="error" showIcon title={t('cases.diagram.failed')} description={error instanceof Error && !('kind' in error) ? error.message : describeError(error, t)} /> : null}
      <Spin spinning={!error && (diagram.loading || drawing)}>
        <div
          ref={container}
          className="case-diagram"
          data-testid="case-diagram"
          role="img"
          aria-label={summary}
          style={{ height: 380, border: '1px solid #f0f0f0', borderRadius: 6, background: '#fff' }}
        />
      </Spin>
      <Space size="large" style={{ marginTop: 8 }}>
        {LEGEND.map((entry) => (
          <Space key={entry.key} size="small">
            <span aria-hidden style={{ display: 'inline-block', width: 16, height: 12, border: `2px solid ${entry.stroke}`, background: entry.fill, borderRadius: 2 }} />
            <Typography.Text type="secondary">{t(`cases.diagram.${entry.key}`)}</Typography.Text>
          </Space>
        ))}
      </Space>
    </Card>
  );
}
