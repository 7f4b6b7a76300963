import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Checkbox, Col, Empty, Row, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { ArrowRightOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { localizeBilingual } from '../i18n/index.js';
import type { BaseViewer } from '../designer/bpmn/marks.js';
import type { MigrationInstruction, PlanView } from '../designer/types.js';
import type { MappableActivity } from './activities.js';

export interface PlanRow {
  uid: number;
  source: string | null;
  target: string | null;
  updateEventTrigger: boolean;
}

interface PlanEditorProps {
  rows: PlanRow[];
  onChange(rows: PlanRow[]): void;
  sourceActivities: MappableActivity[];
  targetActivities: MappableActivity[];
  sourceXml: string | null;
  targetXml: string | null;
  sourceLabel: string;
  targetLabel: string;
  /** The engine's validation of the plan as it was last checked (generated, or refused at migration). */
  report: PlanView['validation'] | null;
  /** The rows differ from what `report` validated. */
  edited: boolean;
}

let nextUid = 1;
export function planRows(instructions: MigrationInstruction[]): PlanRow[] {
  return instructions.map((instruction) => ({
    uid: nextUid++,
    source: instruction.sourceActivityIds[0] ?? null,
    target: instruction.targetActivityIds[0] ?? null,
    updateEventTrigger: Boolean(instruction.updateEventTrigger),
  }));
}

export function newRow(): PlanRow {
  return { uid: nextUid++, source: null, target: null, updateEventTrigger: false };
}

export function rowsToInstructions(rows: PlanRow[]): MigrationInstruction[] {
  return rows
    .filter((row) => row.source && row.target)
    .map((row) => ({ sourceActivityIds: [row.source!], targetActivityIds: [row.target!], updateEventTrigger: row.updateEventTrigger }));
}

function label(activity: MappableActivity): string {
  return `${activity.name ? localizeBilingual(activity.name) : activity.id} (${activity.id})`;
}

/** One version's diagram with the activities the plan maps (blue) and leaves out (red). */
function VersionDiagram({ xml, title, mapped, unmapped, testId }: { xml: string | null; title: string; mapped: string[]; unmapped: string[]; testId: string }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [viewer, setViewer] = useState<BaseViewer | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [drawn, setDrawn] = useState(true);

  useEffect(() => {
    let cancelled = false;
    let created: BaseViewer | null = null;
    void import('../designer/bpmn/marks.js').then(({ createBaseViewer }) => {
      if (cancelled || !container.current) return;
      created = createBaseViewer(container.current);
      setViewer(created);
    });
    return () => {
      cancelled = true;
      created?.destroy();
    };
  }, []);

  useEffect(() => {
    if (!viewer || !xml) return;
    setLoaded(false);
    void viewer.open(xml).then(
      (something) => {
        setLoaded(true);
        setDrawn(something);
      },
      () => {
        setLoaded(false);
        setDrawn(false);
      },
    );
  }, [viewer, xml]);

  useEffect(() => {
    if (viewer && loaded) viewer.setMarks([...mapped.map((elementId) => ({ elementId, kind: 'mapped' as const })), ...unmapped.map((elementId) => ({ elementId, kind: 'unmapped' as const }))]);
  }, [viewer, loaded, mapped, unmapped]);

  return (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      <div style={{ position: 'relative', marginTop: 4 }}>
        <div ref={container} data-testid={testId} style={{ height: 300, border: '1px solid #f0f0f0', borderRadius: 6, background: '#fff' }} />
        {loaded && !drawn ? (
          <div style={{ position: 'absolute', inset: 0, display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16, textAlign: 'center' }}>
            <Typography.Text type="secondary">{t('migrations.plan.noDiagram')}</Typography.Text>
          </div>
        ) : null}
      </div>
    </div>
  );
}

/**
 * The migration plan side by side: source and target diagrams, the instructions (source
 * activity → target activity, editable), the source activities nothing maps (a case
 * waiting there cannot migrate), and the engine's validation.
 */
export function PlanEditor({ rows, onChange, sourceActivities, targetActivities, sourceXml, targetXml, sourceLabel, targetLabel, report, edited }: PlanEditorProps) {
  const { t } = useTranslation();
  const mappedSources = useMemo(() => rows.map((row) => row.source).filter((id): id is string => Boolean(id)), [rows]);
  const mappedTargets = useMemo(() => rows.map((row) => row.target).filter((id): id is string => Boolean(id)), [rows]);
  const unmapped = useMemo(() => sourceActivities.filter((activity) => !mappedSources.includes(activity.id)), [sourceActivities, mappedSources]);
  const unmappedIds = useMemo(() => unmapped.map((activity) => activity.id), [unmapped]);

  const failuresOf = (row: PlanRow): string[] =>
    (report?.instructionReports ?? []).filter((entry) => entry.instruction.sourceActivityIds[0] === row.source && entry.instruction.targetActivityIds[0] === row.target).flatMap((entry) => entry.failures);
  const variableFailures = Object.entries(report?.variableReports ?? {}).flatMap(([name, entry]) => entry.failures.map((failure) => `${name}: ${failure}`));

  const update = (uid: number, change: Partial<PlanRow>) => onChange(rows.map((row) => (row.uid === uid ? { ...row, ...change } : row)));
  const options = (activities: MappableActivity[]) => activities.map((activity) => ({ value: activity.id, label: label(activity) }));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={16}>
        <Col span={12}>
          <VersionDiagram xml={sourceXml} title={t('migrations.plan.sourceDiagram', { version: sourceLabel })} mapped={mappedSources} unmapped={unmappedIds} testId="migration-source-diagram" />
        </Col>
        <Col span={12}>
          <VersionDiagram xml={targetXml} title={t('migrations.plan.targetDiagram', { version: targetLabel })} mapped={mappedTargets} unmapped={[]} testId="migration-target-diagram" />
        </Col>
      </Row>

      {report && !edited ? (
        report.valid ? (
          <Alert type="success" showIcon title={t('migrations.plan.valid')} data-testid="migration-plan-valid" />
        ) : (
          <Alert type="error" showIcon title={t('migrations.plan.invalid')} description={variableFailures.length ? variableFailures.join('; ') : undefined} data-testid="migration-plan-invalid" />
        )
      ) : null}
      {edited ? <Alert type="info" showIcon title={t('migrations.plan.edited')} data-testid="migration-plan-edited" /> : null}

      <div data-testid="migration-instructions">
        <Row gutter={8} style={{ fontWeight: 600, marginBottom: 4 }}>
          <Col span={10}>{t('migrations.plan.sourceActivity', { version: sourceLabel })}</Col>
          <Col span={1} />
          <Col span={9}>{t('migrations.plan.targetActivity', { version: targetLabel })}</Col>
          <Col span={4}>{t('migrations.plan.updateTrigger')}</Col>
        </Row>
        {rows.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('migrations.plan.noInstructions')} /> : null}
        {rows.map((row, index) => {
          const failures = edited ? [] : failuresOf(row);
          return (
            <div key={row.uid} data-testid="migration-instruction" data-source={row.source ?? ''} data-target={row.target ?? ''} style={{ padding: '4px 0', borderBottom: '1px solid #f5f5f5' }}>
              <Row gutter={8} align="middle">
                <Col span={10}>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    style={{ width: '100%' }}
                    value={row.source ?? undefined}
                    placeholder={t('migrations.plan.chooseSource')}
                    options={options(sourceActivities)}
                    onChange={(value: string) => update(row.uid, { source: value })}
                    status={failures.length ? 'error' : undefined}
                    data-testid={`migration-instruction-source-${index}`}
                    aria-label={t('migrations.plan.sourceActivity', { version: sourceLabel })}
                  />
                </Col>
                <Col span={1} style={{ textAlign: 'center' }}>
                  <ArrowRightOutlined />
                </Col>
                <Col span={9}>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    style={{ width: '100%' }}
                    value={row.target ?? undefined}
                    placeholder={t('migrations.plan.chooseTarget')}
                    options={options(targetActivities)}
                    onChange={(value: string) => update(row.uid, { target: value })}
                    status={failures.length ? 'error' : undefined}
                    data-testid={`migration-instruction-target-${index}`}
                    aria-label={t('migrations.plan.targetActivity', { version: targetLabel })}
                  />
                </Col>
                <Col span={3}>
                  <Tooltip title={t('migrations.plan.updateTriggerHelp')}>
                    <Checkbox checked={row.updateEventTrigger} onChange={(event) => update(row.uid, { updateEventTrigger: event.target.checked })} aria-label={t('migrations.plan.updateTrigger')} />
                  </Tooltip>
                </Col>
                <Col span={1}>
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => onChange(rows.filter((other) => other.uid !== row.uid))}
                    aria-label={t('migrations.plan.remove')}
                    data-testid={`migration-instruction-remove-${index}`}
                  />
                </Col>
              </Row>
              {failures.length ? (
                <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="migration-instruction-failure">
                  {failures.join('; ')}
                </Typography.Text>
              ) : null}
            </div>
          );
        })}
        <Button icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => onChange([...rows, newRow()])} data-testid="migration-instruction-add">
          {t('migrations.plan.add')}
        </Button>
      </div>

      <div data-testid="migration-unmapped">
        <Typography.Text strong>{t('migrations.plan.unmapped')}</Typography.Text>{' '}
        {unmapped.length === 0 ? (
          <Typography.Text type="secondary">{t('migrations.plan.unmappedNone')}</Typography.Text>
        ) : (
          <>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0' }}>
              {t('migrations.plan.unmappedHelp')}
            </Typography.Paragraph>
            <Space size={4} wrap>
              {unmapped.map((activity) => (
                <Tag key={activity.id} color="red" data-testid={`migration-unmapped-${activity.id}`}>
                  {label(activity)}
                </Tag>
              ))}
            </Space>
          </>
        )}
      </div>
    </Space>
  );
}
