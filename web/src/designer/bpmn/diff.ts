/**
 * The visual diff: bpmn-js-differ compares two diagrams semantically (by element id);
 * this turns its answer into rows for the list and marks for the two canvases — added
 * and changed on the edited diagram, removed and changed on the base.
 */
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { diff } from 'bpmn-js-differ';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };
import type { CanvasMark } from './marks.js';

export type ChangeKind = 'added' | 'removed' | 'changed' | 'layout';

export interface DiffRow {
  elementId: string;
  kind: ChangeKind;
  /** bpmn:UserTask → UserTask */
  type: string;
  name: string | null;
  /** For a changed element: the properties that differ (`name`, `camunda:candidateGroups`, `extensionElements…`). */
  properties: string[];
}

export interface DiagramDiff {
  rows: DiffRow[];
  /** For the edited diagram. */
  current: CanvasMark[];
  /** For the base diagram. */
  base: CanvasMark[];
}

const ORDER: Record<ChangeKind, number> = { added: 0, removed: 1, changed: 2, layout: 3 };

async function definitionsOf(xml: string): Promise<ModdleElement> {
  const { rootElement } = await new BpmnModdle({ camunda: camundaModdle }).fromXML(xml);
  return rootElement;
}

/** `extensionElements.values[0].inputParameters[1].value` → `extensionElements`: enough to say what changed. */
function propertyName(path: string): string {
  return path.replace(/^processRef\./, '').split(/[.[]/)[0]!;
}

export async function diffDiagrams(baseXml: string, currentXml: string): Promise<DiagramDiff> {
  const [base, current] = await Promise.all([definitionsOf(baseXml), definitionsOf(currentXml)]);
  const result = diff(base, current);
  const rows: DiffRow[] = [];
  const describe = (element: ModdleElement) => ({ type: element.$type.replace(/^bpmn:/, ''), name: typeof element.name === 'string' && element.name.trim() ? element.name : null });

  for (const [id, element] of Object.entries(result._added)) rows.push({ elementId: id, kind: 'added', ...describe(element), properties: [] });
  for (const [id, element] of Object.entries(result._removed)) rows.push({ elementId: id, kind: 'removed', ...describe(element), properties: [] });
  for (const [id, change] of Object.entries(result._changed)) {
    const properties = [...new Set(Object.keys(change.attrs).map(propertyName))].sort();
    // The differ reports a container whose list of children changed (flowElements); the children themselves are listed.
    const meaningful = properties.filter((property) => !['flowElements', 'incoming', 'outgoing', 'artifacts', 'laneSets', 'boundaryEventRefs'].includes(property));
    if (meaningful.length === 0) continue;
    rows.push({ elementId: id, kind: 'changed', ...describe(change.model), properties: meaningful });
  }
  const listed = new Set(rows.map((row) => row.elementId));
  for (const [id, element] of Object.entries(result._layoutChanged)) {
    if (!listed.has(id)) rows.push({ elementId: id, kind: 'layout', ...describe(element), properties: [] });
  }
  rows.sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.elementId.localeCompare(b.elementId));

  const title = (row: DiffRow) => `${row.name ?? row.elementId}${row.properties.length ? `: ${row.properties.join(', ')}` : ''}`;
  return {
    rows,
    current: rows.filter((row) => row.kind !== 'removed').map((row) => ({ elementId: row.elementId, kind: row.kind, title: title(row) })),
    base: rows.filter((row) => row.kind === 'removed' || row.kind === 'changed').map((row) => ({ elementId: row.elementId, kind: row.kind, title: title(row) })),
  };
}
