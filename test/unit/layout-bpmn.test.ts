/**
 * scripts/bpmn-layout.ts: DI for semantic-only BPMN, checked on the demo procedure (boundary
 * timers and an error boundary, two event sub-processes, camunda extensions) with its
 * hand-made DI stripped. No browser here (scripts/render-diagrams.ts is checked by hand); the
 * engine of the test environment only checks that the laid-out file deploys.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BpmnModdle, type Bounds, type ModdleElement } from 'bpmn-moddle';
import { beforeAll, describe, expect, it } from 'vitest';
import { LayoutError, inspectDefinitions, layoutBpmn, normalisedProcessXml, semanticFingerprint, stripDi } from '../../scripts/bpmn-layout.js';
import { externalTaskProcess } from '../support/bpmn.js';
import { engineClient, unique } from '../support/environment.js';

const DEMO = path.resolve(import.meta.dirname, '../../processes/demo/demo-review.bpmn');

async function parse(xml: string) {
  const { rootElement, warnings } = await new BpmnModdle().fromXML(xml);
  expect(warnings.map((w) => w.message)).toEqual([]);
  return rootElement;
}

/** Every flow element of the process and its sub-processes, with the container it belongs to. */
function flowElements(container: ModdleElement): ModdleElement[] {
  return (container.flowElements ?? []).flatMap((element) => [element, ...(element.$instanceOf('bpmn:SubProcess') ? flowElements(element) : [])]);
}

/** bpmnElement → its DI, per plane (keyed by the plane's process or sub-process). */
function planes(definitions: ModdleElement): Map<ModdleElement, Map<ModdleElement, ModdleElement>> {
  const result = new Map<ModdleElement, Map<ModdleElement, ModdleElement>>();
  for (const diagram of definitions.diagrams ?? []) {
    const plane = diagram.plane!;
    result.set(plane.bpmnElement!, new Map((plane.planeElement ?? []).map((di) => [di.bpmnElement!, di])));
  }
  return result;
}

function overlaps(a: Bounds, b: Bounds): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('layout of semantic-only BPMN (bpmn-auto-layout + repairs)', () => {
  let original: string;
  let stripped: string;
  let strippedFile: string;
  let laidOut: string;
  let definitions: ModdleElement;

  beforeAll(async () => {
    original = fs.readFileSync(DEMO, 'utf8');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-layout-'));
    strippedFile = path.join(dir, 'demo-review.bpmn');
    fs.writeFileSync(strippedFile, stripDi(original));
    stripped = fs.readFileSync(strippedFile, 'utf8');
    const outcome = await layoutBpmn(stripped);
    expect(outcome.status).toBe('laid-out');
    expect(outcome.notes).toEqual([]);
    fs.writeFileSync(strippedFile, outcome.xml);
    laidOut = fs.readFileSync(strippedFile, 'utf8');
    definitions = await parse(laidOut);
  });

  it('starts from a file without DI', async () => {
    expect(stripped).not.toMatch(/BPMNDiagram|BPMNShape/);
    expect((await parse(stripped)).diagrams ?? []).toEqual([]);
  });

  it('draws every flow node in the plane of its process or sub-process, every flow as an edge', () => {
    const process = definitions.rootElements!.find((element) => element.$instanceOf('bpmn:Process'))!;
    const byPlane = planes(definitions);
    expect(definitions.diagrams![0]!.plane!.bpmnElement).toBe(process);
    // The two event sub-processes are collapsed, each with its own drill-down plane.
    expect([...byPlane.keys()].map((element) => element.id)).toEqual(['sunshine-demo', 'CaseYellowWatch', 'CaseRedWatch']);

    const elements = flowElements(process);
    expect(elements.length).toBeGreaterThan(30);
    for (const element of elements) {
      const di = byPlane.get(element.$parent!)?.get(element);
      if (element.$instanceOf('bpmn:SequenceFlow')) {
        expect(di?.$type, element.id).toBe('bpmndi:BPMNEdge');
        expect(di!.waypoint!.length, element.id).toBeGreaterThanOrEqual(2);
      } else {
        expect(di?.$type, element.id).toBe('bpmndi:BPMNShape');
        expect(Number.isFinite(di!.bounds!.x + di!.bounds!.y + di!.bounds!.width + di!.bounds!.height), element.id).toBe(true);
      }
    }
    // Nothing is drawn twice or in a foreign plane.
    const drawn = [...byPlane.values()].flatMap((plane) => [...plane.keys()]);
    expect(new Set(drawn).size).toBe(drawn.length);
    expect(drawn.length).toBe(elements.length);
    // Sub-processes are collapsed in the main plane.
    for (const id of ['CaseYellowWatch', 'CaseRedWatch']) {
      const di = byPlane.get(process)!.get(elements.find((element) => element.id === id)!)!;
      expect(di.isExpanded ?? false, id).toBe(false);
    }
  });

  it('puts boundary events on their hosts, apart from each other', () => {
    const main = planes(definitions).values().next().value!;
    const boundaries = [...main.keys()].filter((element) => element.attachedToRef);
    expect(boundaries.map((b) => b.id).sort()).toEqual(['MaterialsIncomplete', 'ReviewRed', 'ReviewYellow']);
    for (const boundary of boundaries) {
      const event = main.get(boundary)!.bounds!;
      const host = main.get(boundary.attachedToRef!)!.bounds!;
      expect(overlaps(event, host), boundary.id).toBe(true);
      // Centre on the host's lower edge.
      expect(event.y + event.height / 2).toBe(host.y + host.height);
      expect(event.x + event.width / 2).toBeGreaterThanOrEqual(host.x);
      expect(event.x + event.width / 2).toBeLessThanOrEqual(host.x + host.width);
      // The flow out of it starts at its bottom.
      const flow = [...main.entries()].find(([element]) => element.sourceRef === boundary)![1];
      expect(flow.waypoint![0]).toMatchObject({ x: event.x + event.width / 2, y: event.y + event.height });
    }
    const yellow = main.get(boundaries.find((b) => b.id === 'ReviewYellow')!)!.bounds!;
    const red = main.get(boundaries.find((b) => b.id === 'ReviewRed')!)!.bounds!;
    expect(overlaps(yellow, red)).toBe(false);
  });

  it('keeps event sub-processes below the main flow, overlapping nothing', () => {
    const main = planes(definitions).values().next().value!;
    const shapes = [...main.entries()].filter(([, di]) => di.bounds);
    const eventSubProcesses = shapes.filter(([element]) => element.triggeredByEvent);
    const rest = shapes.filter(([element]) => !element.triggeredByEvent);
    expect(eventSubProcesses.map(([element]) => element.id)).toEqual(['CaseYellowWatch', 'CaseRedWatch']);
    const lowest = Math.max(...rest.map(([, di]) => di.bounds!.y + di.bounds!.height));
    for (const [element, di] of eventSubProcesses) {
      expect(di.bounds!.y, element.id).toBeGreaterThan(lowest);
      for (const [other, otherDi] of shapes) if (other !== element) expect(overlaps(di.bounds!, otherDi.bounds!), `${element.id}/${other.id}`).toBe(false);
    }
    expect(inspectDefinitions(definitions).problems).toEqual([]);
  });

  it('leaves the process semantics and text untouched', async () => {
    // camunda:* attributes and extension elements survive in moddle's generic form.
    expect(semanticFingerprint(definitions)).toBe(semanticFingerprint(await parse(original)));
    const fingerprint = semanticFingerprint(definitions);
    for (const needle of ['camunda:versionTag', 'camunda:historyTimeToLive', 'camunda:formData', 'camunda:inputOutput', '${step_Review_deadline}', '${yellowAt}', 'camunda:dueDate']) {
      expect(fingerprint).toContain(needle);
    }
    expect(normalisedProcessXml(laidOut)).toEqual(normalisedProcessXml(original));
    // Only DI was added: without it the file is the input again, comments and all.
    expect(stripDi(laidOut)).toBe(stripped);
    expect(laidOut).toContain('演示流程：材料核验 → 部门审查');
  });

  it('leaves a file with DI unchanged without --force and recomputes the same DI with it', async () => {
    const again = await layoutBpmn(laidOut);
    expect(again.status).toBe('unchanged');
    expect(again.xml).toBe(laidOut);
    expect(fs.readFileSync(strippedFile, 'utf8')).toBe(laidOut);

    const handMade = await layoutBpmn(original);
    expect(handMade.status).toBe('unchanged');
    expect(handMade.xml).toBe(original);
    expect(handMade.notes).toEqual([]); // the hand-made DI (expanded event sub-processes) passes the same checks

    const forced = await layoutBpmn(original, { force: true });
    expect(forced.status).toBe('laid-out');
    // Same layout as from the stripped file (the hand-made isExpanded="true" is not taken over).
    expect(forced.xml).toBe(laidOut);
    expect((await layoutBpmn(laidOut, { force: true })).xml).toBe(laidOut);
  });

  it('is accepted by the engine (DI is schema-valid)', async () => {
    const key = unique('layout-demo');
    const xml = laidOut.replaceAll('"sunshine-demo"', `"${key}"`);
    const deployment = await engineClient().deploy({ name: key, files: [{ name: `${key}.bpmn`, content: xml }] });
    expect(Object.values(deployment.deployedProcessDefinitions ?? {}).map((definition) => definition.key)).toEqual([key]);
  });

  it('declares the DI namespaces on a document that has none', async () => {
    const xml = externalTaskProcess({ processKey: 'layout-namespaces', topic: 'test.topic', errorCode: 'FAILED' });
    expect(xml).not.toContain('xmlns:bpmndi');
    const outcome = await layoutBpmn(xml);
    expect(outcome.xml).toMatch(/<bpmn:definitions [^>]*xmlns:bpmndi="http:\/\/www\.omg\.org\/spec\/BPMN\/20100524\/DI"/);
    const laid = await parse(outcome.xml);
    expect(inspectDefinitions(laid).problems).toEqual([]);
    expect(semanticFingerprint(laid)).toBe(semanticFingerprint(await parse(xml)));
  });

  it('refuses what bpmn-auto-layout cannot lay out', async () => {
    const collaboration = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
  <bpmn:collaboration id="C"><bpmn:participant id="P" processRef="Pr" /></bpmn:collaboration>
  <bpmn:process id="Pr"><bpmn:startEvent id="S" /></bpmn:process>
</bpmn:definitions>`;
    await expect(layoutBpmn(collaboration)).rejects.toThrow(LayoutError);
    await expect(layoutBpmn(collaboration)).rejects.toThrow(/collaboration/);
    await expect(layoutBpmn('<not-bpmn')).rejects.toThrow(/not a readable BPMN file/);
  });
});
