import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, Card, Input, Space, Spin, Table, Tag, Typography } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { formatDateTime } from '../common/format.js';
import { LoadError } from '../common/LoadError.js';
import { useApiResource } from '../common/useApiResource.js';
import { casesPath, designerApi, PROCEDURES_PATH } from '../designer/designerApi.js';
import type { CasesResponse, MigrationPlan, PlanView, Procedure, ProceduresResponse, RunningCase } from '../designer/types.js';
import { describeError } from '../i18n/describeError.js';
import { localizeBilingual } from '../i18n/index.js';
import { navigate } from '../navigation.js';
import type { PageProps } from '../pageProps.js';
import { mappableActivities, type MappableActivity } from './activities.js';
import { BatchProgress } from './BatchProgress.js';
import { PlanEditor, planRows, rowsToInstructions, type PlanRow } from './PlanEditor.js';
import { VersionsTable } from './VersionsTable.js';

interface LoadedPlan {
  source: string;
  target: string;
  view: PlanView;
  sourceXml: string;
  targetXml: string;
  sourceActivities: MappableActivity[];
  targetActivities: MappableActivity[];
}

/** Source: the newest older version with running cases (else the one before the latest); target: the latest. */
function defaultPair(procedure: Procedure): { source: string | null; target: string | null } {
  const [latest, ...older] = procedure.versions;
  if (!latest) return { source: null, target: null };
  const withCases = older.find((version) => version.runningCases > 0) ?? older[0];
  return { source: withCases?.definitionId ?? null, target: latest.definitionId };
}

/**
 * 版本迁移 (administrators): a procedure's versions with their running cases; choose the
 * versions, review and edit the engine's migration plan side by side, pick running cases
 * of the source version and migrate them as a batch, then see which could not migrate.
 */
export function MigrationsPage({ query }: PageProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const procedures = useApiResource<ProceduresResponse>(PROCEDURES_PATH);
  const [search, setSearch] = useState('');
  const [key, setKey] = useState<string | null>(query.get('key'));
  const [source, setSource] = useState<string | null>(null);
  const [target, setTarget] = useState<string | null>(null);
  const [plan, setPlan] = useState<LoadedPlan | null>(null);
  const [planError, setPlanError] = useState<unknown>(null);
  const [planLoading, setPlanLoading] = useState(false);
  const [rows, setRows] = useState<PlanRow[]>([]);
  const [edited, setEdited] = useState(false);
  const [report, setReport] = useState<PlanView['validation'] | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [batchId, setBatchId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [running, setRunning] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);

  const all = procedures.data?.procedures ?? [];
  const migratable = useMemo(() => all.filter((procedure) => procedure.versions.length > 1), [all]);
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return needle ? migratable.filter((procedure) => procedure.key.toLowerCase().includes(needle) || (procedure.name ?? '').toLowerCase().includes(needle)) : migratable;
  }, [migratable, search]);
  const procedure = all.find((candidate) => candidate.key === key) ?? null;
  const versionLabel = (definitionId: string | null) => {
    const version = procedure?.versions.find((candidate) => candidate.definitionId === definitionId);
    return version ? `v${version.version}` : '—';
  };

  // Choosing a procedure picks the usual pair of versions.
  useEffect(() => {
    if (!procedure) return;
    setSource((current) => (current && procedure.versions.some((version) => version.definitionId === current) ? current : defaultPair(procedure).source));
    setTarget((current) => (current && procedure.versions.some((version) => version.definitionId === current) ? current : defaultPair(procedure).target));
  }, [procedure]);

  // The engine's plan for the pair, with both diagrams.
  useEffect(() => {
    setPlan(null);
    setPlanError(null);
    setRows([]);
    setReport(null);
    setEdited(false);
    setSelected([]);
    setStartError(null);
    setBatchId(null);
    setRunning(false);
    if (!source || !target || source === target) return;
    let cancelled = false;
    setPlanLoading(true);
    Promise.all([designerApi.plan(source, target), designerApi.definitionXml(source), designerApi.definitionXml(target)])
      .then(
        ([view, sourceXml, targetXml]) => {
          if (cancelled) return;
          setPlan({ source, target, view, sourceXml, targetXml, sourceActivities: mappableActivities(sourceXml), targetActivities: mappableActivities(targetXml) });
          setRows(planRows(view.plan.instructions));
          setReport(view.validation);
        },
        (error: unknown) => !cancelled && setPlanError(error),
      )
      .finally(() => !cancelled && setPlanLoading(false));
    return () => {
      cancelled = true;
    };
  }, [source, target]);

  const cases = useApiResource<CasesResponse>(procedure && source ? casesPath(procedure.key, source) : null);

  const choose = (next: string) => {
    setKey(next);
    setSource(null);
    setTarget(null);
    setBatchId(null);
    navigate(`/migrations?key=${encodeURIComponent(next)}`, { replace: true });
  };

  const migrate = async () => {
    if (!plan) return;
    setStarting(true);
    setStartError(null);
    try {
      const body: Pick<MigrationPlan, 'sourceProcessDefinitionId' | 'targetProcessDefinitionId' | 'instructions'> = {
        sourceProcessDefinitionId: plan.source,
        targetProcessDefinitionId: plan.target,
        instructions: rowsToInstructions(rows),
      };
      const { batchId: started } = await designerApi.migrate(body, selected);
      setBatchId(started);
      setRunning(true);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'MIGRATION_PLAN_INVALID' && error.details && typeof error.details === 'object') {
        const details = error.details as Omit<PlanView['validation'], 'valid'>;
        setReport({ valid: false, instructionReports: details.instructionReports ?? [], variableReports: details.variableReports });
        setEdited(false);
      }
      setStartError(error);
    } finally {
      setStarting(false);
    }
  };

  if (procedures.error && !procedures.data) return <LoadError error={procedures.error} title={t('migrations.loadFailed')} onRetry={procedures.reload} />;

  const incompleteRows = rows.some((row) => !row.source || !row.target);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="migrations-title">
        {t('migrations.pageTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('migrations.intro')}
      </Typography.Paragraph>

      <Card size="small" title={t('migrations.procedures.title')}>
        <Input.Search
          allowClear
          placeholder={t('migrations.procedures.search')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          style={{ maxWidth: 360, marginBottom: 12 }}
          data-testid="migration-search"
          aria-label={t('migrations.procedures.search')}
        />
        <Table<Procedure>
          rowKey="key"
          size="small"
          loading={procedures.loading && !procedures.data}
          dataSource={shown}
          pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
          rowClassName={(candidate) => (candidate.key === key ? 'ant-table-row-selected' : '')}
          onRow={(candidate) => ({ 'data-testid': `migration-procedure-${candidate.key}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('migrations.procedures.none') }}
          columns={[
            { title: t('designer.list.key'), dataIndex: 'key', render: (value: string) => <Typography.Text code>{value}</Typography.Text> },
            { title: t('designer.list.name'), dataIndex: 'name', render: (name: string | null) => (name ? localizeBilingual(name) : '—') },
            {
              title: t('migrations.procedures.versions'),
              render: (_, candidate) => (
                <Space size={4} wrap>
                  {candidate.versions.map((version) => (
                    <Tag key={version.definitionId} color={version.runningCases > 0 ? 'gold' : undefined}>
                      v{version.version}: {version.runningCases}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: '',
              render: (_, candidate) => (
                <Button size="small" type={candidate.key === key ? 'primary' : 'default'} onClick={() => choose(candidate.key)} data-testid={`migration-choose-${candidate.key}`}>
                  {t('migrations.procedures.choose')}
                </Button>
              ),
            },
          ]}
        />
      </Card>

      {procedure ? (
        <Card size="small" title={t('migrations.versions.title', { key: procedure.key })} data-testid="migration-procedure">
          <VersionsTable versions={procedure.versions} source={source} target={target} onSource={setSource} onTarget={setTarget} />
        </Card>
      ) : null}

      {procedure && source && target ? (
        <Card size="small" title={t('migrations.plan.title', { source: versionLabel(source), target: versionLabel(target) })} data-testid="migration-plan">
          {planError ? <Alert type="error" showIcon title={t('migrations.plan.loadFailed')} description={describeError(planError, t)} /> : null}
          <Spin spinning={planLoading}>
            {plan ? (
              <PlanEditor
                rows={rows}
                onChange={(next) => {
                  setRows(next);
                  setEdited(true);
                }}
                sourceActivities={plan.sourceActivities}
                targetActivities={plan.targetActivities}
                sourceXml={plan.sourceXml}
                targetXml={plan.targetXml}
                sourceLabel={versionLabel(plan.source)}
                targetLabel={versionLabel(plan.target)}
                report={report}
                edited={edited}
              />
            ) : (
              <div style={{ minHeight: 120 }} />
            )}
          </Spin>
        </Card>
      ) : null}

      {procedure && plan ? (
        <Card
          size="small"
          title={t('migrations.cases.title', { version: versionLabel(plan.source) })}
          extra={
            <Button
              type="primary"
              icon={<SwapOutlined />}
              loading={starting}
              disabled={selected.length === 0 || incompleteRows || running}
              onClick={() => void migrate()}
              data-testid="migration-start"
            >
              {t('migrations.cases.migrate', { count: selected.length, target: versionLabel(plan.target) })}
            </Button>
          }
        >
          {cases.error ? <Alert type="error" showIcon title={describeError(cases.error, t)} /> : null}
          {startError ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('migrations.cases.refused')} description={describeError(startError, t)} data-testid="migration-refused" /> : null}
          {incompleteRows ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('migrations.plan.incomplete')} /> : null}
          <Table<RunningCase>
            rowKey="caseId"
            size="small"
            loading={cases.loading}
            dataSource={cases.data?.cases ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: t('migrations.cases.none') }}
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys.map(String)),
              getCheckboxProps: (row) => ({ 'data-testid': `migration-case-${row.caseId}`, 'aria-label': row.businessKey ?? row.caseId }) as object,
            }}
            onRow={(row) => ({ 'data-testid': `migration-case-row-${row.caseId}` }) as HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('migrations.cases.businessKey'), dataIndex: 'businessKey', render: (value: string | null) => value ?? '—' },
              { title: t('migrations.cases.caseId'), dataIndex: 'caseId', render: (value: string) => <Typography.Text code>{value}</Typography.Text> },
              { title: t('migrations.cases.started'), dataIndex: 'startTime', render: (value: string) => formatDateTime(value) },
              { title: t('migrations.cases.state'), dataIndex: 'state' },
            ]}
          />
          {batchId ? (
            <div style={{ marginTop: 16 }}>
              <BatchProgress
                key={batchId}
                batchId={batchId}
                onDone={(status) => {
                  setRunning(false);
                  if (status.failures.length === 0) message.success(t('migrations.batch.done', { count: status.total }));
                  setSelected([]);
                  cases.reload();
                  procedures.reload();
                }}
              />
            </div>
          ) : null}
        </Card>
      ) : null}
    </Space>
  );
}
