import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Empty, Select, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { CloudUploadOutlined, DownloadOutlined, FileAddOutlined, RedoOutlined, UndoOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { describeError } from '../i18n/describeError.js';
import { localizeBilingual } from '../i18n/index.js';
import { CommentDialog } from './CommentDialog.js';
import { designerApi, deployFileName, type DeployedDecision } from './designerApi.js';
import type { DmnDesigner, DmnViewSummary } from './dmn/dmnDesigner.js';
import { downloadText, readTextFile } from './download.js';
import { newDecisionXml } from './newDiagram.js';
import { NewDiagramDialog } from './NewDiagramDialog.js';
import type { DeployParseDetail } from './types.js';
import { HiddenFileInput } from './HiddenFileInput.js';

interface DmnDocument {
  fileName: string;
  xml: string;
}

/**
 * Decision tables (DMN) in dmn-js: open a deployed table (the latest version of each key)
 * or import a .dmn file, edit, export it, and deploy it; the engine then evaluates the new
 * decision version (workers ask for the latest by key).
 */
export function DmnWorkspace() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const containerRef = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [designer, setDesigner] = useState<DmnDesigner | null>(null);
  const [setupError, setSetupError] = useState<unknown>(null);
  const [doc, setDoc] = useState<DmnDocument | null>(null);
  const [importError, setImportError] = useState<unknown>(null);
  const [views, setViews] = useState<DmnViewSummary[]>([]);
  const [activeView, setActiveView] = useState(0);
  const [history, setHistory] = useState({ canUndo: false, canRedo: false });
  const [dirty, setDirty] = useState(false);
  const [newOpen, setNewOpen] = useState(false);
  const [deployOpen, setDeployOpen] = useState(false);
  const [outcome, setOutcome] = useState<{ duplicate: boolean; decisions: { key: string; version: number }[] } | null>(null);
  const [refused, setRefused] = useState<ApiError | null>(null);
  const [deployed, setDeployed] = useState<DeployedDecision[]>([]);
  useEffect(() => {
    designerApi.decisions().then(
      (body) => setDeployed(body.decisions),
      (error: unknown) => message.error(describeError(error, t)),
    );
  }, [message, t]);

  const openDeployed = async (decisionId: string) => {
    const decision = deployed.find((candidate) => candidate.id === decisionId);
    if (!decision) return;
    try {
      setDoc({ fileName: deployFileName(decision.resource.split('/').pop()!, 'dmn'), xml: await designerApi.decisionXml(decision.id) });
    } catch (error) {
      message.error(describeError(error, t));
    }
  };
  const loadingRef = useRef(false);

  useEffect(() => {
    let cancelled = false;
    let created: DmnDesigner | null = null;
    import('./dmn/dmnDesigner.js').then(
      ({ createDmnDesigner }) => {
        if (cancelled || !containerRef.current) return;
        created = createDmnDesigner(containerRef.current);
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
    return designer.onChanged(() => {
      setViews(designer.views());
      setActiveView(designer.activeView());
      setHistory({ canUndo: designer.canUndo(), canRedo: designer.canRedo() });
      if (!loadingRef.current && designer.canUndo()) setDirty(true);
    });
  }, [designer]);

  useEffect(() => {
    if (!designer || !doc) return;
    let cancelled = false;
    loadingRef.current = true;
    setImportError(null);
    setOutcome(null);
    setRefused(null);
    designer
      .open(doc.xml)
      .then(
        () => !cancelled && setDirty(false),
        (error: unknown) => !cancelled && setImportError(error),
      )
      .finally(() => {
        loadingRef.current = false;
      });
    return () => {
      cancelled = true;
    };
  }, [designer, doc]);

  const guard = (action: () => void) => {
    if (!dirty) return action();
    modal.confirm({ title: t('designer.discard.title'), content: t('designer.discard.content'), okText: t('designer.discard.ok'), cancelText: t('designer.cancel'), onOk: action });
  };

  const importFile = async (file: File) => {
    const xml = await readTextFile(file);
    if (!/<(?:[\w-]+:)?definitions\b[^>]*DMN/i.test(xml)) {
      message.error(t('designer.dmn.notDmn', { name: file.name }));
      return;
    }
    setDoc({ fileName: deployFileName(file.name, 'dmn'), xml });
  };

  const deploy = async (comment: string) => {
    if (!designer || !doc) return;
    setOutcome(null);
    setRefused(null);
    try {
      const result = await designerApi.deploy([{ name: doc.fileName, xml: await designer.xml() }], comment);
      setOutcome({ duplicate: result.duplicate, decisions: result.decisions });
      setDirty(false);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'BPMN_PARSE_ERROR') {
        setRefused(error);
        return;
      }
      throw error;
    }
  };

  const ready = designer !== null;
  const parseDetails = refused && Array.isArray(refused.details) ? (refused.details as DeployParseDetail[]) : [];

  return (
    <Card
      size="small"
      styles={{ body: { padding: 0 } }}
      title={
        <Space size="small" wrap>
          <Typography.Text strong>{t('designer.dmn.title')}</Typography.Text>
          {doc ? (
            <Typography.Text code data-testid="dmn-file">
              {doc.fileName}
            </Typography.Text>
          ) : null}
          {dirty ? <Tag color="orange">{t('designer.unsaved')}</Tag> : null}
        </Space>
      }
    >
      <HiddenFileInput inputRef={fileInput} accept=".dmn,.xml,application/xml,text/xml" testId="dmn-import-file" onFile={(file) => void importFile(file)} />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, padding: 8, borderBottom: '1px solid #f0f0f0' }} role="toolbar" aria-label={t('designer.toolbar.label')}>
        <Space.Compact>
          <Tooltip title={t('designer.toolbar.undo')}>
            <Button icon={<UndoOutlined />} disabled={!doc || !history.canUndo} onClick={() => designer?.undo()} aria-label={t('designer.toolbar.undo')} data-testid="dmn-undo" />
          </Tooltip>
          <Tooltip title={t('designer.toolbar.redo')}>
            <Button icon={<RedoOutlined />} disabled={!doc || !history.canRedo} onClick={() => designer?.redo()} aria-label={t('designer.toolbar.redo')} data-testid="dmn-redo" />
          </Tooltip>
        </Space.Compact>
        <Button icon={<FileAddOutlined />} disabled={!ready} onClick={() => guard(() => setNewOpen(true))} data-testid="dmn-new">
          {t('designer.dmn.new')}
        </Button>
        <Select
          style={{ minWidth: 280 }}
          disabled={!ready || deployed.length === 0}
          placeholder={t('designer.dmn.openDeployed')}
          aria-label={t('designer.dmn.openDeployed')}
          value={null}
          options={deployed.map((decision) => ({ value: decision.id, label: `${decision.name ? localizeBilingual(decision.name) : decision.key} · v${decision.version}` }))}
          onChange={(decisionId: string) => guard(() => void openDeployed(decisionId))}
          data-testid="dmn-open-deployed"
        />
        <Button icon={<UploadOutlined />} disabled={!ready} onClick={() => guard(() => fileInput.current?.click())} data-testid="dmn-import">
          {t('designer.dmn.import')}
        </Button>
        <Button icon={<DownloadOutlined />} disabled={!doc} onClick={() => void designer?.xml().then((xml) => downloadText(doc!.fileName, xml, 'application/xml'))} data-testid="dmn-export">
          {t('designer.dmn.export')}
        </Button>
        {views.length > 1 ? (
          <Select
            style={{ minWidth: 260 }}
            value={activeView}
            onChange={(index: number) => void designer?.showView(index)}
            options={views.map((view) => ({ value: view.index, label: `${t(`designer.dmn.view.${view.type}`, { defaultValue: view.type })}: ${localizeBilingual(view.name)}` }))}
            aria-label={t('designer.dmn.views')}
            data-testid="dmn-views"
          />
        ) : null}
        <Button type="primary" icon={<CloudUploadOutlined />} disabled={!doc} onClick={() => setDeployOpen(true)} data-testid="dmn-deploy">
          {t('designer.toolbar.deploy')}
        </Button>
      </div>
      {setupError || importError ? (
        <Alert type="error" showIcon style={{ margin: 8 }} title={t('designer.loadFailed')} description={(() => {
            const failure = setupError ?? importError;
            return failure instanceof ApiError ? describeError(failure, t) : failure instanceof Error ? failure.message : String(failure);
          })()} />
      ) : null}
      {outcome ? (
        <Alert
          style={{ margin: 8 }}
          type={outcome.duplicate ? 'info' : 'success'}
          showIcon
          closable
          onClose={() => setOutcome(null)}
          data-testid="dmn-deploy-result"
          title={
            outcome.duplicate
              ? t('designer.dmn.unchanged')
              : t('designer.dmn.deployed', { decisions: outcome.decisions.map((decision) => `${decision.key} v${decision.version}`).join(t('common.listSeparator')) })
          }
        />
      ) : null}
      {refused ? (
        <Alert
          style={{ margin: 8 }}
          type="error"
          showIcon
          closable
          onClose={() => setRefused(null)}
          title={describeError(refused, t)}
          description={parseDetails.map((detail, index) => (
            <div key={index}>
              {detail.line ? `${t('designer.problems.position', { line: detail.line, column: detail.column ?? '?' })} ` : ''}
              {detail.elementIds.length ? `[${detail.elementIds.join(', ')}] ` : ''}
              {localizeBilingual(detail.message)}
            </div>
          ))}
          data-testid="dmn-deploy-refused"
        />
      ) : null}
      <Spin spinning={!ready && !setupError}>
        <div style={{ position: 'relative', height: 560 }}>
          <div ref={containerRef} data-testid="dmn-canvas" style={{ height: '100%', overflow: 'auto', visibility: doc ? 'visible' : 'hidden' }} />
          {!doc ? (
            <div style={{ position: 'absolute', inset: 0, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
              <Empty description={t('designer.dmn.empty')} />
            </div>
          ) : null}
        </div>
      </Spin>
      <NewDiagramDialog
        open={newOpen}
        kind="dmn"
        taken={[]}
        onCreate={(id, name) => setDoc({ fileName: deployFileName(id, 'dmn'), xml: newDecisionXml(id, name) })}
        onClose={() => setNewOpen(false)}
      />
      <CommentDialog open={deployOpen} title={t('designer.dmn.deployTitle', { name: doc?.fileName ?? '' })} okText={t('designer.deploy.confirm')} testId="dmn-deploy" onSubmit={deploy} onClose={() => setDeployOpen(false)}>
        <Typography.Paragraph type="secondary">{t('designer.dmn.deployExplain', { decisions: designer?.decisionIds().join(t('common.listSeparator')) ?? '' })}</Typography.Paragraph>
      </CommentDialog>
    </Card>
  );
}
