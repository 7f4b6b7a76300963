/**
 * Reads a BPMN document with bpmn-moddle and the Camunda extension (what the designer
 * and the linter see), reporting malformed XML with its place.
 */
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };
import type { BpmnProblem } from '../engine/errors.js';
import { xmlSyntaxProblem } from '../engine/xml-syntax.js';

export type DiagramRead =
  | { ok: true; definitions: ModdleElement; warnings: string[] }
  | { ok: false; problem: BpmnProblem };

export function newModdle(): BpmnModdle {
  return new BpmnModdle({ camunda: camundaModdle });
}

export async function readDiagram(xml: string, resource = 'diagram.bpmn'): Promise<DiagramRead> {
  const syntax = xmlSyntaxProblem(resource, xml);
  if (syntax) return { ok: false, problem: syntax };
  try {
    const { rootElement, warnings } = await newModdle().fromXML(xml);
    if (!rootElement || rootElement.$type !== 'bpmn:Definitions') {
      return { ok: false, problem: { resource, message: '不是 BPMN 2.0 文档 / not a BPMN 2.0 document (no bpmn:definitions root)', elementIds: [] } };
    }
    // The XML arrives as decoded text (a JSON string, a file read by its encoding), so an
    // encoding declaration such as ISO-8859-1 no longer applies; moddle warns about it anyway.
    const relevant = warnings.filter((warning) => !/^unsupported document encoding/.test(warning.message));
    return { ok: true, definitions: rootElement, warnings: relevant.map((warning) => warning.message) };
  } catch (error) {
    return { ok: false, problem: { resource, message: `不是有效的 BPMN 2.0 文档 / not a valid BPMN 2.0 document: ${(error as Error).message}`, elementIds: [] } };
  }
}

/** The processes a document defines, with their names. */
export function processesOf(definitions: ModdleElement): { id: string; name: string | null; executable: boolean }[] {
  return (definitions.rootElements ?? [])
    .filter((element) => element.$instanceOf('bpmn:Process') && element.id)
    .map((element) => ({ id: element.id!, name: element.name ?? null, executable: Boolean(element.get('isExecutable')) }));
}

/** Every flow element of a process, sub-processes included. */
export function flowElementsOf(container: ModdleElement): ModdleElement[] {
  const found: ModdleElement[] = [];
  for (const element of container.flowElements ?? []) {
    found.push(element);
    if (element.flowElements) found.push(...flowElementsOf(element));
  }
  return found;
}
