import { useEffect, useRef, useState } from 'react';
import { Alert, App, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../common/LoadError.js';
import { useApiResource } from '../common/useApiResource.js';
import { describeError } from '../i18n/describeError.js';
import { navigate } from '../navigation.js';
import { BpmnEditor } from './BpmnEditor.js';
import { designerApi, PROCEDURES_PATH, processKeyOf } from './designerApi.js';
import { readTextFile } from './download.js';
import { newProcessXml } from './newDiagram.js';
import { NewDiagramDialog } from './NewDiagramDialog.js';
import { ProcedureList } from './ProcedureList.js';
import type { DocumentOrigin, OpenDocument, ProceduresResponse } from './types.js';
import { HiddenFileInput } from './HiddenFileInput.js';

/** `approval-general:3:8f0e…` → 3 (Camunda's definition ids carry key and version). */
function versionOfDefinitionId(definitionId: string): number {
  const parts = definitionId.split(':');
  return parts.length >= 3 ? Number(parts[parts.length - 2]) || 0 : 0;
}

function keyOfDefinitionId(definitionId: string): string {
  const parts = definitionId.split(':');
  return parts.length >= 3 ? parts.slice(0, -2).join(':') : definitionId;
}

function addressOf(origin: DocumentOrigin): string {
  if (origin.kind === 'version') return `/designer?version=${encodeURIComponent(origin.definitionId)}`;
  if (origin.kind === 'draft') return `/designer?draft=${origin.id}`;
  return '/designer?editing=1';
}

/**
 * The BPMN side of the designer: the procedure list, or the editor with one diagram. The
 * address names what is open (`?version=<definitionId>` or `?draft=<id>`), so a reload or
 * a shared link opens it again.
 */
export function BpmnWorkspace({ query }: { query: URLSearchParams }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const procedures = useApiResource<ProceduresResponse>(PROCEDURES_PATH);
  const [doc, setDoc] = useState<OpenDocument | null>(null);
  const [opening, setOpening] = useState(false);
  const [openError, setOpenError] = useState<unknown>(null);
  const [newOpen, setNewOpen] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const show = (next: OpenDocument) => {
    setDoc(next);
    setOpenError(null);
    navigate(addressOf(next.origin), { replace: true });
  };

  const load = async (action: () => Promise<OpenDocument>) => {
    setOpening(true);
    setOpenError(null);
    try {
      show(await action());
    } catch (error) {
      setOpenError(error);
    } finally {
      setOpening(false);
    }
  };

  const openVersion = (definitionId: string) =>
    load(async () => {
      // The list knows key, number and tag; a deep link may arrive before it, so the id is read too.
      const listed = (procedures.data?.procedures ?? []).flatMap((procedure) => procedure.versions.map((version) => ({ key: procedure.key, ...version }))).find((version) => version.definitionId === definitionId);
      return {
        key: listed?.key ?? keyOfDefinitionId(definitionId),
        xml: await designerApi.definitionXml(definitionId),
        origin: { kind: 'version', definitionId, version: listed?.version ?? versionOfDefinitionId(definitionId), versionTag: listed?.versionTag ?? null },
      };
    });

  const openDraft = (id: number) =>
    load(async () => {
      const draft = await designerApi.draft(id);
      return { key: draft.processKey, xml: draft.xml, origin: { kind: 'draft', id: draft.id, comment: draft.comment, author: draft.author, createdAt: draft.createdAt } };
    });

  // A deep link opens its diagram once, on arrival.
  useEffect(() => {
    const version = query.get('version');
    const draft = Number(query.get('draft'));
    if (version) void openVersion(version);
    else if (Number.isInteger(draft) && draft > 0) void openDraft(draft);
    // Only the address the page was opened with: later changes of it are our own.
  }, []);

  const importFile = async (file: File) => {
    try {
      const xml = await readTextFile(file);
      const key = processKeyOf(xml);
      if (!key) throw new Error(t('designer.import.noProcess', { name: file.name }));
      show({ key, xml, origin: { kind: 'file', name: file.name } });
    } catch (error) {
      message.error(error instanceof Error && !('kind' in error) ? error.message : describeError(error, t));
    }
  };

  const list = procedures.data?.procedures ?? [];
  const fileChooser = (
    <HiddenFileInput inputRef={fileInput} accept=".bpmn,.xml,application/xml,text/xml" testId="designer-import-file" onFile={(file) => void importFile(file)} />
  );
  const newDialog = (
    <NewDiagramDialog
      open={newOpen}
      kind="bpmn"
      taken={list.map((procedure) => procedure.key)}
      onCreate={(key, name) => show({ key, xml: newProcessXml(key, name), origin: { kind: 'new' } })}
      onClose={() => setNewOpen(false)}
    />
  );

  if (doc) {
    return (
      <>
        {fileChooser}
        {newDialog}
        {openError ? <Alert type="error" showIcon closable title={t('designer.openFailed')} description={describeError(openError, t)} style={{ marginBottom: 12 }} data-testid="designer-open-error" /> : null}
        <Spin spinning={opening}>
          <BpmnEditor
            doc={doc}
            procedures={list}
            onOpen={show}
            onClose={() => {
              setDoc(null);
              navigate('/designer', { replace: true });
              procedures.reload();
            }}
            onNew={() => setNewOpen(true)}
            onImport={() => fileInput.current?.click()}
            onSaved={(_, origin) => {
              navigate(addressOf(origin), { replace: true });
              procedures.reload();
            }}
          />
        </Spin>
      </>
    );
  }

  if (procedures.error && !procedures.data) return <LoadError error={procedures.error} title={t('designer.list.loadFailed')} onRetry={procedures.reload} />;
  return (
    <>
      {fileChooser}
      {newDialog}
      {openError ? <Alert type="error" showIcon closable title={t('designer.openFailed')} description={describeError(openError, t)} style={{ marginBottom: 12 }} data-testid="designer-open-error" /> : null}
      <Spin spinning={opening}>
        <ProcedureList
          procedures={list}
          loading={procedures.loading && !procedures.data}
          onOpenVersion={(_, version) => void openVersion(version.definitionId)}
          onOpenDraft={(_, id) => void openDraft(id)}
          onNew={() => setNewOpen(true)}
          onImport={() => fileInput.current?.click()}
        />
      </Spin>
    </>
  );
}
