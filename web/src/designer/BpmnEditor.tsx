import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Badge, Button, Card, Dropdown, Select, Space, Spin, Tabs, Tag, Tooltip, Typography } from 'antd';
import {
  ArrowLeftOutlined,
  CloudUploadOutlined,
  CompressOutlined,
  DiffOutlined,
  DownloadOutlined,
  FileAddOutlined,
  HistoryOutlined,
  RedoOutlined,
  SaveOutlined,
  UndoOutlined,
  UploadOutlined,
  ZoomInOutlined,
  ZoomOutOutlined,
} from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { formatDateTime } from '../common/format.js';
import { useApiResource } from '../common/useApiResource.js';
import { describeError } from '../i18n/describeError.js';
import { currentLanguage, localizeBilingual } from '../i18n/index.js';
import type { BaseViewer, BpmnDesigner, DiagramProcess, LintIssue, TemplateRequest } from './bpmn/bpmnDesigner.js';
import type { DiagramDiff, DiffRow } from './bpmn/diff.js';
import { CommentDialog } from './CommentDialog.js';
import { designerApi, deployFileName, draftsPath } from './designerApi.js';
import { DiffList } from './DiffList.js';
import { downloadBlob, downloadText, svgToPng } from './download.js';
import { HistoryDrawer, type HistoryEntry } from './HistoryDrawer.js';
import { ProblemsList } from './ProblemsList.js';
import { ShortcutsHelp } from './ShortcutsHelp.js';
import { TemplateChooser } from './TemplateChooser.js';
import type { DeployLintDetail, DeployParseDetail, DesignerProblem, DocumentOrigin, DraftsResponse, OpenDocument, Procedure } from './types.js';

interface BpmnEditorProps {
  doc: OpenDocument;
  procedures: Procedure[];
  /** Open another diagram (from the history); the page confirms nothing, the editor already did. */
  onOpen(doc: OpenDocument): void;
  onClose(): void;
  onNew(): void;
  onImport(): void;
  /** A draft was saved or a version deployed: the procedure list changed. */
  onSaved(key: string, origin: DocumentOrigin): void;
}

interface DiffBase {
  /** `version:<definitionId>` or `draft:<id>`. */
  value: string;
  label: string;
  xml: string;
}

interface DeployOutcome {
  key: string;
  duplicate: boolean;
  version: number | null;
}

/** Everything the editor needs before the modeler can start; loaded per editor (departments change). */
async function loadSetup() {
  const [module, templates, lintContext] = await Promise.all([import('./bpmn/bpmnDesigner.js'), designerApi.templates(), designerApi.lintContext()]);
  return { module, templates, lintContext };
}

function originLabel(origin: DocumentOrigin, t: TFunction): string {
  switch (origin.kind) {
    case 'version':
      return t('designer.origin.version', { version: origin.version });
    case 'draft':
      return t('designer.origin.draft', { id: origin.id });
    case 'file':
      return t('designer.origin.file', { name: origin.name });
    case 'new':
      return t('designer.origin.new');
  }
}

function deployProblems(error: ApiError): DesignerProblem[] {
  if (error.code === 'LINT_FAILED' && Array.isArray(error.details)) {
    return (error.details as DeployLintDetail[]).map((detail) => ({ source: 'deploy-lint', rule: detail.rule, elementId: detail.elementId, message: detail.message, category: 'error' }));
  }
  if (error.code === 'BPMN_PARSE_ERROR' && Array.isArray(error.details)) {
    return (error.details as DeployParseDetail[]).flatMap((detail): DesignerProblem[] => {
      const base = { source: 'parse' as const, rule: 'engine-parse', message: detail.message, category: 'error' as const, line: detail.line, column: detail.column };
      return detail.elementIds.length > 0 ? detail.elementIds.map((elementId) => ({ ...base, elementId })) : [{ ...base, elementId: null }];
    });
  }
  return [];
}

/** The BPMN modeler with its toolbar, properties panel, problems, diff, drafts and deployment. */
export function BpmnEditor({ doc, procedures, onOpen, onClose, onNew, onImport, onSaved }: BpmnEditorProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const baseRef = useRef<HTMLDivElement>(null);

  const [designer, setDesigner] = useState<BpmnDesigner | null>(null);
  const [setupError, setSetupError] = useState<unknown>(null);
  const [importing, setImporting] = useState(true);
  const [importError, setImportError] = useState<unknown>(null);
  // bpmn-js imports what it can and reports the rest: shown, never dropped.
  const [importWarnings, setImportWarnings] = useState<string[]>([]);
  const [origin, setOrigin] = useState<DocumentOrigin>(doc.origin);
  const [processes, setProcesses] = useState<DiagramProcess[]>([]);
  const [history, setHistory] = useState({ canUndo: false, canRedo: false });
  const [changes, setChanges] = useState(0);
  const [savedAt, setSavedAt] = useState(0);
  const importingRef = useRef(false);
  const [issues, setIssues] = useState<LintIssue[]>([]);
  const [serverProblems, setServerProblems] = useState<DesignerProblem[]>([]);
  const [deployRefused, setDeployRefused] = useState<ApiError | null>(null);
  const [deployOutcome, setDeployOutcome] = useState<DeployOutcome | null>(null);
  const [templateRequest, setTemplateRequest] = useState<TemplateRequest | null>(null);
  const [dialog, setDialog] = useState<'draft' | 'deploy' | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [tab, setTab] = useState('problems');
  const [diffOn, setDiffOn] = useState(false);
  const [diffBase, setDiffBase] = useState<DiffBase | null>(null);
  const [diffResult, setDiffResult] = useState<DiagramDiff | null>(null);
  const [diffError, setDiffError] = useState<unknown>(null);
  const [baseViewer, setBaseViewer] = useState<BaseViewer | null>(null);

  const dirty = changes !== savedAt;
  const currentKey = processes.find((process) => process.executable)?.id ?? processes[0]?.id ?? doc.key;
  const currentName = processes.find((process) => process.id === currentKey)?.name ?? null;
  const procedure = procedures.find((candidate) => candidate.key === currentKey) ?? null;
  const versions = procedure?.versions ?? [];
  const drafts = useApiResource<DraftsResponse>(currentKey ? draftsPath(currentKey) : null);

  // The modeler lives as long as the editor; documents are imported into it.
  useEffect(() => {
    let cancelled = false;
    let created: BpmnDesigner | null = null;
    loadSetup().then(
      ({ module, templates, lintContext }) => {
        if (cancelled || !canvasRef.current || !panelRef.current) return;
        created = module.createBpmnDesigner({ container: canvasRef.current, propertiesPanel: panelRef.current, templates, lintContext, language: currentLanguage() });
        setDesigner(created);
      },
      (error: unknown) => !cancelled && setSetupError(error),
    );
    return () => {
      cancelled = true;
      created?.destroy();
      setDesigner(null);
    };
  }, []);

  useEffect(() => {
    if (!designer) return;
    const offChanged = designer.onChanged(() => {
      setHistory({ canUndo: designer.canUndo(), canRedo: designer.canRedo() });
      setProcesses(designer.processes());
      if (importingRef.current) return;
      setChanges((count) => count + 1);
      // The server's lint findings are the editor's own lint (same rules): once the diagram
      // changes, the live list speaks for them. The engine's parse errors stay until the next attempt.
      setServerProblems((current) => (current.some((problem) => problem.source === 'deploy-lint') ? current.filter((problem) => problem.source !== 'deploy-lint') : current));
    });
    const offLint = designer.onLint(setIssues);
    const offTemplates = designer.onTemplateRequest(setTemplateRequest);
    return () => {
      offChanged();
      offLint();
      offTemplates();
    };
  }, [designer]);

  useEffect(() => {
    if (!designer) return;
    let cancelled = false;
    importingRef.current = true;
    setImporting(true);
    setImportError(null);
    setOrigin(doc.origin);
    setServerProblems([]);
    setDeployRefused(null);
    setDeployOutcome(null);
    // Another diagram: the comparison belonged to the previous one (opening clears its marks too).
    setDiffOn(false);
    setDiffResult(null);
    setTab('problems');
    designer
      .open(doc.xml)
      .then(
        (warnings) => {
          if (cancelled) return;
          setImportWarnings(warnings);
          setProcesses(designer.processes());
          setHistory({ canUndo: false, canRedo: false });
          setChanges(0);
          setSavedAt(0);
        },
        (error: unknown) => !cancelled && setImportError(error),
      )
      .finally(() => {
        importingRef.current = false;
        if (!cancelled) setImporting(false);
      });
    return () => {
      cancelled = true;
    };
  }, [designer, doc]);

  // Closing or reloading the tab with unsaved changes asks first (moving within the app does not).
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  // Problems a refused deployment named stay on the canvas until the next attempt.
  useEffect(() => {
    designer?.setMarks(
      'problems',
      serverProblems.filter((problem) => problem.elementId).map((problem) => ({ elementId: problem.elementId!, kind: problem.category, title: localizeBilingual(problem.message) })),
    );
  }, [designer, serverProblems]);

  const problems = useMemo<DesignerProblem[]>(
    () => [...serverProblems, ...issues.map((issue) => ({ source: 'lint' as const, rule: issue.rule, elementId: issue.elementId, message: issue.message, category: issue.category }))],
    [issues, serverProblems],
  );
  const errorCount = issues.filter((issue) => issue.category === 'error').length;
  const warningCount = issues.length - errorCount;

  const nameOf = useCallback((elementId: string) => {
    const name = designer?.nameOf(elementId);
    return name ? localizeBilingual(name) : null;
  }, [designer]);

  /** Runs `action` now, or after the user agrees to drop unsaved changes. */
  const guard = (action: () => void) => {
    if (!dirty) return action();
    modal.confirm({ title: t('designer.discard.title'), content: t('designer.discard.content'), okText: t('designer.discard.ok'), cancelText: t('designer.cancel'), onOk: action });
  };

  // ----- diff ------------------------------------------------------------------------

  const baseOptions = useMemo(
    () => [
      ...versions.map((version) => ({ value: `version:${version.definitionId}`, label: t('designer.diff.baseVersion', { version: version.version, tag: version.versionTag ?? '' }) })),
      ...(drafts.data?.drafts ?? []).map((draft) => ({ value: `draft:${draft.id}`, label: t('designer.diff.baseDraft', { id: draft.id, comment: draft.comment || t('designer.list.noComment') }) })),
    ],
    [versions, drafts.data, t],
  );

  const chooseBase = useCallback(
    async (value: string) => {
      const [kind, id] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
      try {
        const xml = kind === 'version' ? await designerApi.definitionXml(id) : (await designerApi.draft(Number(id))).xml;
        setDiffBase({ value, label: baseOptions.find((option) => option.value === value)?.label ?? value, xml });
        setDiffError(null);
      } catch (error) {
        setDiffError(error);
      }
    },
    [baseOptions],
  );

  const startDiff = (value?: string) => {
    const initial = value ?? (versions[0] ? `version:${versions[0].definitionId}` : baseOptions[0]?.value);
    setDiffOn(true);
    setTab('changes');
    if (initial && initial !== diffBase?.value) void chooseBase(initial);
  };

  const stopDiff = () => {
    setDiffOn(false);
    setDiffResult(null);
    designer?.setMarks('diff', []);
    setTab('problems');
  };

  // The base viewer exists while the diff is on.
  useEffect(() => {
    if (!diffOn || !baseRef.current) return;
    let cancelled = false;
    let created: BaseViewer | null = null;
    void import('./bpmn/bpmnDesigner.js').then(({ createBaseViewer }) => {
      if (cancelled || !baseRef.current) return;
      created = createBaseViewer(baseRef.current);
      setBaseViewer(created);
    });
    return () => {
      cancelled = true;
      created?.destroy();
      setBaseViewer(null);
    };
  }, [diffOn]);

  useEffect(() => {
    if (baseViewer && diffBase) void baseViewer.open(diffBase.xml).catch((error: unknown) => setDiffError(error));
  }, [baseViewer, diffBase]);

  // Recomputed after every change while the diff is on (debounced: drawing fires many).
  useEffect(() => {
    if (!diffOn || !designer || !diffBase || importing) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      void Promise.all([designer.xml(), import('./bpmn/diff.js')])
        .then(([xml, { diffDiagrams }]) => diffDiagrams(diffBase.xml, xml))
        .then(
          (result) => {
            if (cancelled) return;
            setDiffResult(result);
            setDiffError(null);
            designer.setMarks('diff', result.current);
          },
          (error: unknown) => !cancelled && setDiffError(error),
        );
    }, 300);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [diffOn, designer, diffBase, changes, importing]);

  useEffect(() => {
    if (baseViewer && diffResult) baseViewer.setMarks(diffResult.base);
  }, [baseViewer, diffResult, diffBase]);

  const revealChange = (row: DiffRow) => {
    if (row.kind === 'removed') baseViewer?.reveal(row.elementId);
    else designer?.reveal(row.elementId);
  };

  // ----- history ---------------------------------------------------------------------

  const openEntry = (entry: HistoryEntry) =>
    guard(() => {
      setHistoryOpen(false);
      void (async () => {
        try {
          if (entry.kind === 'version') {
            const xml = await designerApi.definitionXml(entry.version.definitionId);
            onOpen({ key: currentKey, xml, origin: { kind: 'version', definitionId: entry.version.definitionId, version: entry.version.version, versionTag: entry.version.versionTag } });
          } else {
            const draft = await designerApi.draft(entry.draft.id);
            onOpen({ key: draft.processKey, xml: draft.xml, origin: { kind: 'draft', id: draft.id, comment: draft.comment, author: draft.author, createdAt: draft.createdAt } });
          }
        } catch (error) {
          message.error(describeError(error, t));
        }
      })();
    });

  const compareEntry = (entry: HistoryEntry) => {
    setHistoryOpen(false);
    startDiff(entry.kind === 'version' ? `version:${entry.version.definitionId}` : `draft:${entry.draft.id}`);
  };

  // ----- save, deploy, export --------------------------------------------------------

  const saveDraft = async (comment: string) => {
    if (!designer) return;
    const xml = await designer.xml();
    const draft = await designerApi.saveDraft(currentKey, xml, comment);
    const saved: DocumentOrigin = { kind: 'draft', id: draft.id, comment: draft.comment, author: draft.author, createdAt: draft.createdAt };
    setOrigin(saved);
    setSavedAt(changes);
    drafts.reload();
    onSaved(currentKey, saved);
    message.success(t('designer.draft.saved', { id: draft.id }));
  };

  const deploy = async (comment: string) => {
    if (!designer) return;
    const xml = await designer.xml();
    setDeployOutcome(null);
    setDeployRefused(null);
    try {
      const result = await designerApi.deploy([{ name: deployFileName(currentKey, 'bpmn'), xml }], comment);
      setServerProblems([]);
      const made = result.definitions.find((definition) => definition.key === currentKey) ?? result.definitions[0];
      setDeployOutcome({ key: currentKey, duplicate: result.duplicate, version: made?.version ?? null });
      setSavedAt(changes);
      if (made) {
        const deployedOrigin: DocumentOrigin = { kind: 'version', definitionId: made.id, version: made.version, versionTag: processes.find((process) => process.id === currentKey)?.versionTag ?? null };
        setOrigin(deployedOrigin);
        onSaved(currentKey, deployedOrigin);
      }
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'LINT_FAILED' || error.code === 'BPMN_PARSE_ERROR')) {
        setServerProblems(deployProblems(error));
        setDeployRefused(error);
        setTab('problems');
        return;
      }
      throw error;
    }
  };

  const exportAs = async (format: 'bpmn' | 'svg' | 'png') => {
    if (!designer) return;
    try {
      if (format === 'bpmn') downloadText(`${currentKey}.bpmn`, await designer.xml(), 'application/xml');
      else if (format === 'svg') downloadText(`${currentKey}.svg`, await designer.svg(), 'image/svg+xml');
      else downloadBlob(`${currentKey}.png`, await svgToPng(await designer.svg()));
    } catch (error) {
      message.error(error instanceof Error && !(error instanceof ApiError) ? error.message : describeError(error, t));
    }
  };

  const ready = designer !== null && !importing;
  const loadFailure = setupError ?? importError;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        styles={{ body: { padding: 0 } }}
        title={
          <Space wrap size="small">
            <Button size="small" icon={<ArrowLeftOutlined />} onClick={() => guard(onClose)} data-testid="designer-back">
              {t('designer.toolbar.back')}
            </Button>
            <Typography.Text strong data-testid="designer-title">
              {currentName ? localizeBilingual(currentName) : currentKey}
            </Typography.Text>
            <Typography.Text code data-testid="designer-key">
              {currentKey}
            </Typography.Text>
            <Tag color={origin.kind === 'version' ? 'blue' : origin.kind === 'draft' ? 'purple' : 'default'} data-testid="designer-origin">
              {originLabel(origin, t)}
            </Tag>
            {dirty ? (
              <Tag color="orange" data-testid="designer-dirty">
                {t('designer.unsaved')}
              </Tag>
            ) : null}
          </Space>
        }
      >
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, padding: 8, borderBottom: '1px solid #f0f0f0' }} role="toolbar" aria-label={t('designer.toolbar.label')}>
          <Space.Compact>
            <Tooltip title={t('designer.toolbar.undo')}>
              <Button icon={<UndoOutlined />} disabled={!ready || !history.canUndo} onClick={() => designer?.undo()} data-testid="designer-undo" aria-label={t('designer.toolbar.undo')} />
            </Tooltip>
            <Tooltip title={t('designer.toolbar.redo')}>
              <Button icon={<RedoOutlined />} disabled={!ready || !history.canRedo} onClick={() => designer?.redo()} data-testid="designer-redo" aria-label={t('designer.toolbar.redo')} />
            </Tooltip>
          </Space.Compact>
          <Space.Compact>
            <Tooltip title={t('designer.toolbar.zoomIn')}>
              <Button icon={<ZoomInOutlined />} disabled={!ready} onClick={() => designer?.zoom(0.2)} aria-label={t('designer.toolbar.zoomIn')} />
            </Tooltip>
            <Tooltip title={t('designer.toolbar.zoomOut')}>
              <Button icon={<ZoomOutOutlined />} disabled={!ready} onClick={() => designer?.zoom(-0.2)} aria-label={t('designer.toolbar.zoomOut')} />
            </Tooltip>
            <Tooltip title={t('designer.toolbar.fit')}>
              <Button icon={<CompressOutlined />} disabled={!ready} onClick={() => designer?.fit()} aria-label={t('designer.toolbar.fit')} />
            </Tooltip>
          </Space.Compact>
          <Space.Compact>
            <Button icon={<FileAddOutlined />} onClick={() => guard(onNew)} data-testid="designer-new">
              {t('designer.toolbar.new')}
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => guard(onImport)} data-testid="designer-import">
              {t('designer.toolbar.import')}
            </Button>
            <Dropdown
              disabled={!ready}
              menu={{
                items: [
                  { key: 'bpmn', label: t('designer.toolbar.exportBpmn'), 'data-testid': 'export-bpmn' } as never,
                  { key: 'svg', label: t('designer.toolbar.exportSvg'), 'data-testid': 'export-svg' } as never,
                  { key: 'png', label: t('designer.toolbar.exportPng'), 'data-testid': 'export-png' } as never,
                ],
                onClick: ({ key }) => void exportAs(key as 'bpmn' | 'svg' | 'png'),
              }}
            >
              <Button icon={<DownloadOutlined />} data-testid="designer-export">
                {t('designer.toolbar.export')}
              </Button>
            </Dropdown>
          </Space.Compact>
          <Button icon={<SaveOutlined />} disabled={!ready} onClick={() => setDialog('draft')} data-testid="designer-save-draft">
            {t('designer.toolbar.saveDraft')}
          </Button>
          <Button icon={<HistoryOutlined />} disabled={!ready} onClick={() => setHistoryOpen(true)} data-testid="designer-history">
            {t('designer.toolbar.history')}
          </Button>
          <Button
            icon={<DiffOutlined />}
            type={diffOn ? 'primary' : 'default'}
            disabled={!ready || (!diffOn && baseOptions.length === 0)}
            onClick={() => (diffOn ? stopDiff() : startDiff())}
            data-testid="designer-diff"
            aria-pressed={diffOn}
          >
            {diffOn ? t('designer.toolbar.diffOff') : t('designer.toolbar.diff')}
          </Button>
          <Button type="primary" icon={<CloudUploadOutlined />} disabled={!ready} onClick={() => setDialog('deploy')} data-testid="designer-deploy">
            {t('designer.toolbar.deploy')}
          </Button>
          <ShortcutsHelp />
        </div>
        {loadFailure ? (
          <Alert type="error" showIcon style={{ margin: 8 }} title={t('designer.loadFailed')} description={loadFailure instanceof ApiError ? describeError(loadFailure, t) : String((loadFailure as Error)?.message ?? loadFailure)} data-testid="designer-error" />
        ) : null}
        {importWarnings.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            closable
            onClose={() => setImportWarnings([])}
            style={{ margin: 8 }}
            title={t('designer.importWarnings', { count: importWarnings.length })}
            description={<ul style={{ margin: 0, paddingLeft: 20 }}>{importWarnings.map((warning, index) => <li key={index}>{warning}</li>)}</ul>}
            data-testid="designer-import-warnings"
          />
        ) : null}
        {deployOutcome ? (
          <Alert
            style={{ margin: 8 }}
            type={deployOutcome.duplicate ? 'info' : 'success'}
            showIcon
            closable
            onClose={() => setDeployOutcome(null)}
            data-testid="deploy-result"
            data-duplicate={deployOutcome.duplicate}
            data-version={deployOutcome.version ?? ''}
            title={
              deployOutcome.duplicate
                ? t('designer.deploy.unchanged', { key: deployOutcome.key, version: deployOutcome.version ?? '?' })
                : t('designer.deploy.deployed', { key: deployOutcome.key, version: deployOutcome.version ?? '?' })
            }
          />
        ) : null}
        {deployRefused ? (
          <Alert
            style={{ margin: 8 }}
            type="error"
            showIcon
            closable
            onClose={() => {
              setDeployRefused(null);
              setServerProblems([]);
            }}
            data-testid="deploy-refused"
            data-code={deployRefused.code ?? ''}
            title={deployRefused.code === 'LINT_FAILED' ? t('designer.deploy.lintFailed') : t('designer.deploy.parseFailed')}
            description={describeError(deployRefused, t)}
          />
        ) : null}
        <Spin spinning={!loadFailure && !ready}>
          <div style={{ display: 'flex', height: diffOn ? 760 : 560 }}>
            <div style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
              <div ref={canvasRef} className="designer-canvas" data-testid="designer-canvas" style={{ flex: 1, minHeight: 0 }} />
              {diffOn ? (
                <div style={{ height: 250, borderTop: '2px dashed #d9d9d9', display: 'flex', flexDirection: 'column' }} data-testid="diff-base">
                  <div style={{ padding: '4px 8px', background: '#fafafa', display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
                    <Typography.Text type="secondary">{t('designer.diff.baseLabel')}</Typography.Text>
                    <Select
                      size="small"
                      style={{ minWidth: 280 }}
                      value={diffBase?.value}
                      options={baseOptions}
                      onChange={(value: string) => void chooseBase(value)}
                      data-testid="diff-base-select"
                      aria-label={t('designer.diff.baseLabel')}
                    />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('designer.diff.baseHint')}
                    </Typography.Text>
                  </div>
                  <div ref={baseRef} className="designer-canvas" data-testid="diff-base-canvas" style={{ flex: 1, minHeight: 0 }} />
                </div>
              ) : null}
            </div>
            <div ref={panelRef} className="designer-properties" data-testid="designer-properties" style={{ width: 340, flex: 'none' }} />
          </div>
        </Spin>
      </Card>

      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'problems',
              label: (
                <Space size={6} data-testid="problems-tab">
                  {t('designer.problems.tab')}
                  <Badge count={errorCount + serverProblems.length} showZero color={errorCount + serverProblems.length ? '#cf1322' : '#52c41a'} data-testid="problems-error-count" />
                  {warningCount ? <Badge count={warningCount} color="#d48806" /> : null}
                </Space>
              ),
              children: <ProblemsList problems={problems} nameOf={nameOf} onReveal={(id) => designer?.reveal(id)} />,
            },
            ...(diffOn
              ? [
                  {
                    key: 'changes',
                    label: (
                      <Space size={6} data-testid="changes-tab">
                        {t('designer.diff.tab')}
                        <Badge count={diffResult?.rows.length ?? 0} showZero color="#1677ff" />
                      </Space>
                    ),
                    children: (
                      <>
                        {diffError ? <Alert type="error" showIcon title={describeError(diffError, t)} style={{ marginBottom: 8 }} /> : null}
                        {diffBase ? (
                          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                            {t('designer.diff.summary', { base: diffBase.label })}
                          </Typography.Paragraph>
                        ) : null}
                        {diffResult ? <DiffList rows={diffResult.rows} onReveal={revealChange} /> : <Spin />}
                      </>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <TemplateChooser request={templateRequest} onApply={(elementId, templateId) => designer?.applyTemplate(elementId, templateId)} onClose={() => setTemplateRequest(null)} />
      <HistoryDrawer
        open={historyOpen}
        processKey={currentKey}
        versions={versions}
        drafts={drafts.data?.drafts ?? []}
        draftsLoading={drafts.loading}
        onOpen={openEntry}
        onCompare={compareEntry}
        onClose={() => setHistoryOpen(false)}
      />
      <CommentDialog open={dialog === 'draft'} title={t('designer.draft.title', { key: currentKey })} okText={t('designer.draft.save')} testId="draft" onSubmit={saveDraft} onClose={() => setDialog(null)}>
        <Typography.Paragraph type="secondary">{t('designer.draft.explain', { key: currentKey })}</Typography.Paragraph>
      </CommentDialog>
      <CommentDialog open={dialog === 'deploy'} title={t('designer.deploy.title', { key: currentKey })} okText={t('designer.deploy.confirm')} testId="deploy" onSubmit={deploy} onClose={() => setDialog(null)}>
        <Typography.Paragraph type="secondary">
          {t('designer.deploy.explain', { key: currentKey, latest: versions[0] ? `v${versions[0].version}` : t('designer.deploy.none') })}
        </Typography.Paragraph>
        {errorCount > 0 ? <Alert type="warning" showIcon title={t('designer.deploy.lintWarning', { count: errorCount })} /> : null}
        {origin.kind === 'draft' ? (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('designer.deploy.fromDraft', { id: origin.id, at: formatDateTime(origin.createdAt) })}
          </Typography.Paragraph>
        ) : null}
      </CommentDialog>
    </Space>
  );
}
