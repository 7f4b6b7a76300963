/**
 * Diagram interchange (DI) for semantic-only BPMN files: bpmn-auto-layout computes the
 * layout, this module repairs what bpmn-auto-layout 1.3 gets wrong and splices the new
 * <bpmndi:BPMNDiagram> elements into the original text, so that everything else in the
 * file (camunda:* attributes, extension elements, comments, formatting) stays byte for byte.
 *
 * What bpmn-auto-layout 1.3 gets wrong or leaves out, and what is done here instead:
 *  - It lays sub-processes out collapsed but writes their content into the MAIN plane,
 *    on top of the main flow at the origin (no drill-down planes). Here every DI element
 *    is moved to the plane of its semantic container: one BPMNDiagram per sub-process
 *    (nested ones too), as the bpmn-js drill-down and Camunda Modeler expect.
 *  - Event sub-processes have no incoming flow, so it treats them as start nodes of extra
 *    grid rows, sharing rows with the main flow. Here they are moved to a row of their own
 *    below everything else in their plane, and grid rows left empty are closed up.
 *  - Boundary events: it spreads them at (i+1)/(n+1) of the host's lower edge, so two on a
 *    task overlap, and a single one sits where flows looping back into the host arrive or
 *    on the collapsed/multi-instance markers; some of its routes from boundary events are
 *    diagonal or start beside the event; bpmn-js then centres the labels on the outgoing
 *    flow. Here the events take free slots on the lower edge, their flows are re-routed
 *    orthogonally from the event's bottom around other shapes, and their labels get DI
 *    bounds beside the flow (see spreadBoundaryEvents). Any other diagonal gets a bend.
 *  - Coordinates come out fractional; they are rounded to whole pixels.
 *  - It lays out only the first process: collaborations (pools) are refused; lanes, text
 *    annotations, groups and associations get no DI and are reported as "not drawn".
 *
 * Usage from code: `await layoutBpmn(xml, { force })`; the CLI is scripts/layout-bpmn.ts.
 */
import { layoutProcess } from 'bpmn-auto-layout';
import { BpmnModdle, type Bounds, type ModdleElement, type Point } from 'bpmn-moddle';

export const NS = {
  BPMN: 'http://www.omg.org/spec/BPMN/20100524/MODEL',
  BPMNDI: 'http://www.omg.org/spec/BPMN/20100524/DI',
  DC: 'http://www.omg.org/spec/DD/20100524/DC',
  DI: 'http://www.omg.org/spec/DD/20100524/DI',
} as const;

/** bpmn-auto-layout's grid (dist/index.js DEFAULT_CELL_WIDTH / DEFAULT_CELL_HEIGHT). */
const CELL_WIDTH = 150;
const CELL_HEIGHT = 140;
/** Vertical space kept between two rows of the grid (cell height minus a task's height). */
const ROW_GAP = 60;
/** Space between the lowest element of a plane and its row of event sub-processes (room for labels). */
const EVENT_SUBPROCESS_MARGIN = 80;

export class LayoutError extends Error {
  override name = 'LayoutError';
}

export interface LayoutOptions {
  /** Remove existing DI and lay the file out again. */
  force?: boolean;
}

export interface LayoutOutcome {
  status: 'laid-out' | 'unchanged';
  /** The new file text (the input itself when unchanged). */
  xml: string;
  /** Remarks for the user: elements not drawn, incomplete existing DI. */
  notes: string[];
}

/**
 * Adds DI to a BPMN document that has none (or replaces it with `force`).
 * Throws LayoutError when the document cannot be laid out or the result fails its checks.
 */
export async function layoutBpmn(xml: string, options: LayoutOptions = {}): Promise<LayoutOutcome> {
  const input = await parseBpmn(xml);
  if (input.warnings.length > 0) {
    throw new LayoutError(`the file does not import cleanly: ${summariseWarnings(input.warnings)}`);
  }
  const definitions = input.rootElement;
  const diagramRanges = findElements(xml, NS.BPMNDI, 'BPMNDiagram');
  const hasDi = (definitions.diagrams ?? []).length > 0 || diagramRanges.length > 0;

  if (hasDi && !options.force) {
    let problems: string[];
    try {
      problems = inspectDefinitions(definitions).problems;
    } catch (error) {
      problems = [error instanceof Error ? error.message : String(error)];
    }
    const notes = problems.length > 0 ? [`existing DI has problems (use --force to recompute): ${problems.join('; ')}`] : [];
    return { status: 'unchanged', xml, notes };
  }
  if (hasDi && diagramRanges.length === 0) {
    throw new LayoutError('the file has DI but its <BPMNDiagram> elements could not be located in the text');
  }

  const process = theProcess(definitions);
  const semanticXml = removeRanges(xml, diagramRanges);

  let laidOut: string;
  try {
    laidOut = await layoutProcess(semanticXml);
  } catch (error) {
    throw new LayoutError(`bpmn-auto-layout failed: ${error instanceof Error ? error.message : String(error)}`);
  }

  const moddle = new BpmnModdle();
  const output = await moddle.fromXML(laidOut);
  const diagrams = repairDiagrams(moddle, output.rootElement);
  const { body, namespaces } = await serialiseDiagrams(moddle, diagrams);
  const result = insertDiagrams(semanticXml, body, namespaces);

  // Check the result as a reader would see it.
  const check = await parseBpmn(result);
  const problems: string[] = [];
  if (check.warnings.length > 0) problems.push(`result does not import cleanly: ${summariseWarnings(check.warnings)}`);
  if (semanticFingerprint(check.rootElement) !== semanticFingerprint(definitions)) problems.push('process semantics changed');
  if (JSON.stringify(normalisedProcessXml(result)) !== JSON.stringify(normalisedProcessXml(xml))) problems.push('process XML text changed');
  const inspection = inspectDefinitions(check.rootElement);
  problems.push(...inspection.problems);
  if (problems.length > 0) throw new LayoutError(`layout of process "${process.id}" failed its checks: ${problems.join('; ')}`);

  const notes = inspection.notDrawn.length > 0 ? [`not drawn (bpmn-auto-layout does not lay them out): ${inspection.notDrawn.join(', ')}`] : [];
  return { status: 'laid-out', xml: result, notes };
}

// ---------------------------------------------------------------------------------------
// Parsing and checks (exported for the tests)

export function parseBpmn(xml: string) {
  return new BpmnModdle().fromXML(xml).catch((error: unknown) => {
    throw new LayoutError(`not a readable BPMN file: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  });
}

/** Removes every <bpmndi:BPMNDiagram> element (and its line) from the text. */
export function stripDi(xml: string): string {
  return removeRanges(xml, findElements(xml, NS.BPMNDI, 'BPMNDiagram'));
}

/**
 * A canonical JSON rendering of everything in the document except the DI: typed
 * properties, references (by id), unknown attributes ($attrs, e.g. camunda:*) and
 * generic elements ($children / $body, e.g. camunda:formData) — namespace declarations
 * are syntax and left out.
 */
export function semanticFingerprint(definitions: ModdleElement): string {
  const refId = (value: unknown) => (value && typeof value === 'object' ? `#${(value as ModdleElement).id ?? '?'}` : value);
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (!value || typeof value !== 'object') return value;
    const element = value as ModdleElement;
    const out: Record<string, unknown> = { $type: element.$type };
    for (const key of propertyNames(element).sort()) {
      if (key === 'diagrams' && element.$type === 'bpmn:Definitions') continue;
      const raw = (element as unknown as Record<string, unknown>)[key];
      out[key] = isReference(element, key) ? (Array.isArray(raw) ? raw.map(refId) : refId(raw)) : walk(raw);
    }
    const attrs = Object.entries(element.$attrs ?? {}).filter(([name]) => name !== 'xmlns' && !name.startsWith('xmlns:'));
    if (attrs.length > 0) out.$attrs = Object.fromEntries(attrs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    if (element.$body !== undefined) out.$body = element.$body;
    if (element.$children !== undefined) out.$children = walk(element.$children);
    return out;
  };
  return JSON.stringify(walk(definitions));
}

/** The text of every <bpmn:process> element with whitespace normalised. */
export function normalisedProcessXml(xml: string): string[] {
  return findElements(xml, NS.BPMN, 'process').map(({ start, end }) =>
    xml
      .slice(start, end)
      .replace(/>\s+</g, '><')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

export interface Inspection {
  /** Missing or misplaced DI, detached boundary events, overlapping event sub-processes. */
  problems: string[];
  /** Semantic elements that have no DI on purpose (not laid out by bpmn-auto-layout). */
  notDrawn: string[];
}

/**
 * Checks the DI of parsed definitions against their process: each flow element drawn once,
 * in the plane of its process or sub-process (or of the plane showing that sub-process
 * expanded), boundary events centred on their host's border, event sub-processes below
 * the rest of their plane and overlapping nothing.
 */
export function inspectDefinitions(definitions: ModdleElement): Inspection {
  const problems: string[] = [];
  const notDrawn: string[] = [];
  const process = theProcess(definitions);
  const diagrams = definitions.diagrams ?? [];
  /** plane owner (process or sub-process) → semantic element → DI */
  const planes = new Map<ModdleElement, Map<ModdleElement, ModdleElement>>();
  for (const diagram of diagrams) {
    const owner = diagram.plane?.bpmnElement;
    if (!owner) {
      problems.push(`diagram ${diagram.id} has no plane for a semantic element`);
      continue;
    }
    if (planes.has(owner)) problems.push(`two planes for ${label(owner)}`);
    const diOf = new Map<ModdleElement, ModdleElement>();
    for (const di of diagram.plane!.planeElement ?? []) {
      const element = di.bpmnElement;
      if (!element) problems.push(`${di.id} shows no semantic element`);
      else if (diOf.has(element)) problems.push(`${label(element)} is drawn twice`);
      else diOf.set(element, di);
      const numbers = di.bounds ? [di.bounds.x, di.bounds.y, di.bounds.width, di.bounds.height] : (di.waypoint ?? []).flatMap((p) => [p.x, p.y]);
      if (numbers.some((n) => !Number.isFinite(n))) problems.push(`${di.id} has non-numeric coordinates`);
    }
    planes.set(owner, diOf);
  }
  if (diagrams[0]?.plane?.bpmnElement !== process) problems.push(`the first diagram does not show process ${process.id}`);

  /** The plane a container's elements are drawn in: its own, or its parent's if it is shown expanded there. */
  const ownerOf = (container: ModdleElement): ModdleElement | undefined => {
    if (planes.has(container)) return container;
    const parentOwner = container.$parent && container.$instanceOf('bpmn:SubProcess') ? ownerOf(container.$parent) : undefined;
    return parentOwner && planes.get(parentOwner)!.get(container)?.isExpanded ? parentOwner : undefined;
  };

  for (const [owner, diOf] of planes) {
    for (const element of diOf.keys()) {
      if (element.$parent && element !== owner && ownerOf(element.$parent) !== owner) problems.push(`${label(element)} is drawn in the plane of ${label(owner)}`);
    }
  }

  for (const container of containers(process)) {
    const owner = ownerOf(container);
    if (!owner) {
      if (container === process || (container.flowElements ?? []).length > 0) problems.push(`no plane for ${label(container)}`);
      continue;
    }
    const diOf = planes.get(owner)!;
    for (const element of container.flowElements ?? []) {
      const di = diOf.get(element);
      if (element.$instanceOf('bpmn:SequenceFlow')) {
        if (!di?.$instanceOf('bpmndi:BPMNEdge') || (di.waypoint ?? []).length < 2) problems.push(`no edge for ${label(element)}`);
      } else if (element.$instanceOf('bpmn:FlowNode') || element.$instanceOf('bpmn:DataObjectReference') || element.$instanceOf('bpmn:DataStoreReference')) {
        if (!di?.$instanceOf('bpmndi:BPMNShape') || !di.bounds) problems.push(`no shape for ${label(element)}`);
      }
    }
    for (const artifact of container.artifacts ?? []) if (!diOf.has(artifact)) notDrawn.push(label(artifact));
    for (const laneSet of container.laneSets ?? []) notDrawn.push(`lanes of ${label(laneSet)}`);
  }

  for (const diOf of planes.values()) {
    const shapes = [...diOf.values()].filter((di): di is ShapeDi => Boolean(di.bounds && di.bpmnElement));
    for (const shape of shapes) {
      const element = shape.bpmnElement!;
      if (!element.attachedToRef) continue;
      const host = diOf.get(element.attachedToRef);
      if (!host?.bounds) problems.push(`host of boundary event ${label(element)} is not in its plane`);
      else if (!onBorder(centre(shape.bounds), host.bounds)) problems.push(`boundary event ${label(element)} is not on the border of ${label(element.attachedToRef)}`);
    }
    const eventSubProcesses = shapes.filter((shape) => isEventSubProcess(shape.bpmnElement!));
    const inside = (element: ModdleElement, ancestor: ModdleElement) => {
      for (let parent = element.$parent; parent; parent = parent.$parent) if (parent === ancestor) return true;
      return false;
    };
    const others = shapes.filter((shape) => !eventSubProcesses.some((sub) => sub === shape || inside(shape.bpmnElement!, sub.bpmnElement!)));
    const lowest = Math.max(...others.map((shape) => shape.bounds.y + shape.bounds.height));
    for (const sub of eventSubProcesses) {
      if (sub.bounds.y < lowest) problems.push(`event sub-process ${label(sub.bpmnElement!)} is not below the rest of its plane`);
      for (const other of shapes) {
        if (other !== sub && !inside(other.bpmnElement!, sub.bpmnElement!) && !inside(sub.bpmnElement!, other.bpmnElement!) && intersects(sub.bounds, other.bounds)) {
          problems.push(`event sub-process ${label(sub.bpmnElement!)} overlaps ${label(other.bpmnElement!)}`);
        }
      }
    }
  }
  return { problems, notDrawn };
}

// ---------------------------------------------------------------------------------------
// Repairing bpmn-auto-layout's output

/** Splits the single plane into one plane per container and tidies each plane. */
function repairDiagrams(moddle: BpmnModdle, definitions: ModdleElement): ModdleElement[] {
  const process = theProcess(definitions);
  const mainDiagram = (definitions.diagrams ?? [])[0];
  if (!mainDiagram?.plane || mainDiagram.plane.bpmnElement !== process) {
    throw new LayoutError('bpmn-auto-layout produced no diagram for the process');
  }
  const usedIds = new Set(Object.keys(collectIds(definitions)));

  const byContainer = new Map<ModdleElement, ModdleElement[]>();
  for (const di of mainDiagram.plane.planeElement ?? []) {
    const element = di.bpmnElement;
    // A bpmn:DataObject is the data itself, drawn through its references only.
    if (!element || element.$instanceOf('bpmn:DataObject')) continue;
    const container = element.$parent ?? process;
    byContainer.set(container, [...(byContainer.get(container) ?? []), di]);
  }

  const diagrams: ModdleElement[] = [];
  for (const container of containers(process)) {
    const planeElements = byContainer.get(container) ?? [];
    if (container !== process && planeElements.length === 0) continue;
    tidyPlane(moddle, planeElements);
    if (container === process) {
      mainDiagram.plane.planeElement = planeElements;
      diagrams.push(mainDiagram);
      continue;
    }
    const plane = moddle.create('bpmndi:BPMNPlane', { id: uniqueId(`BPMNPlane_${container.id}`, usedIds), bpmnElement: container, planeElement: planeElements });
    diagrams.push(moddle.create('bpmndi:BPMNDiagram', { id: uniqueId(`BPMNDiagram_${container.id}`, usedIds), plane }));
  }
  // DI ids (`<id>_di`) must not clash with semantic ids.
  const semanticIds = new Set(Object.keys(collectIds(definitions, true)));
  for (const diagram of diagrams) {
    for (const di of [diagram, diagram.plane!, ...(diagram.plane?.planeElement ?? [])]) {
      if (di.id && semanticIds.has(di.id)) di.id = uniqueId(di.id, usedIds);
    }
  }
  return diagrams;
}

type ShapeDi = ModdleElement & { bounds: Bounds };
type EdgeDi = ModdleElement & { waypoint: Point[] };

/**
 * Event sub-processes to a row below the rest, empty rows closed, boundary events spread
 * along their host's lower edge with their labels beside their outgoing flows, whole pixels.
 */
function tidyPlane(moddle: BpmnModdle, planeElements: ModdleElement[]): void {
  const shapes = planeElements.filter((di): di is ShapeDi => Boolean(di.bounds && di.bpmnElement));
  const edges = planeElements.filter((di): di is EdgeDi => Boolean(di.waypoint && di.bpmnElement));
  const eventSubProcesses = shapes.filter((shape) => isEventSubProcess(shape.bpmnElement!));
  const flowShapes = shapes.filter((shape) => !eventSubProcesses.includes(shape));

  closeEmptyRows(flowShapes, edges);

  if (eventSubProcesses.length > 0) {
    const ys = [...flowShapes.map((s) => s.bounds.y + s.bounds.height), ...edges.flatMap((e) => e.waypoint.map((p) => p.y))];
    const xs = flowShapes.map((s) => s.bounds.x);
    const top = ys.length > 0 ? Math.ceil((Math.max(...ys) + EVENT_SUBPROCESS_MARGIN) / 10) * 10 : 30;
    const left = xs.length > 0 ? Math.min(...xs) : 25;
    eventSubProcesses.forEach((shape, index) => {
      shape.bounds.x = left + index * CELL_WIDTH;
      shape.bounds.y = top;
    });
  }

  for (const edge of edges) orthogonalise(moddle, edge);
  spreadBoundaryEvents(moddle, shapes, edges);

  for (const shape of shapes) {
    for (const b of [shape.bounds, shape.label?.bounds]) {
      if (!b) continue;
      b.x = Math.round(b.x);
      b.y = Math.round(b.y);
      b.width = Math.round(b.width);
      b.height = Math.round(b.height);
    }
  }
  for (const edge of edges) {
    for (const point of edge.waypoint) {
      point.x = Math.round(point.x);
      point.y = Math.round(point.y);
    }
  }
}

/**
 * bpmn-auto-layout puts the boundary events of a host at (i+1)/(n+1) of its lower edge, so
 * two of them on a task overlap, and a single one sits in the middle, where flows coming
 * back into the host from below arrive and where bpmn-js draws the collapsed/loop markers;
 * its routes from boundary events are sometimes diagonal or start beside the event. Here
 * the events take slots on the lower edge that no other flow uses (one in the middle, two
 * at 1/4 and 3/4 by preference), their flows are routed down from the event, and their
 * labels are placed beside those flows (placeBoundaryLabels).
 */
function spreadBoundaryEvents(moddle: BpmnModdle, shapes: ShapeDi[], edges: EdgeDi[]): void {
  const diOf = new Map(shapes.map((shape) => [shape.bpmnElement!, shape]));
  const attachers = new Map<ShapeDi, ShapeDi[]>();
  for (const shape of shapes) {
    const host = shape.bpmnElement!.attachedToRef && diOf.get(shape.bpmnElement!.attachedToRef);
    if (host) attachers.set(host, [...(attachers.get(host) ?? []), shape]);
  }
  for (const [host, events] of attachers) {
    events.sort((a, b) => a.bounds.x - b.bounds.x);
    const n = events.length;
    const { x, y, width, height } = host.bounds;
    const bottom = y + height;
    // Where other flows touch the lower edge (e.g. a loop back into the host).
    const taken = edges
      .filter((edge) => !events.some((event) => edge.bpmnElement!.sourceRef === event.bpmnElement))
      .flatMap((edge) => [edge.waypoint[0], edge.waypoint[edge.waypoint.length - 1]])
      .filter((p): p is Point => Boolean(p && Math.abs(p.y - bottom) <= 1 && p.x >= x && p.x <= x + width))
      .map((p) => p.x);
    const slots = boundarySlots(n, hasBottomMarkers(host.bpmnElement!)).map((fractions) => fractions.map((f) => x + f * width));
    const chosen = slots.find((centres) => centres.every((cx) => taken.every((t) => Math.abs(t - cx) > 22))) ?? slots[0]!;

    events.forEach((event, i) => {
      const cx = chosen[i]!;
      const b = event.bounds;
      const previousDock = { x: b.x + b.width / 2, y: b.y + b.height };
      b.x = cx - b.width / 2;
      b.y = bottom - b.height / 2;
      const outgoing = edges.filter((edge) => edge.bpmnElement!.sourceRef === event.bpmnElement);
      for (const edge of outgoing) {
        const target = diOf.get(edge.bpmnElement!.targetRef!);
        if (target) routeFromBoundary(moddle, edge, event, previousDock, target, shapes.filter((shape) => shape !== event && shape !== host && shape !== target));
      }
    });
  }
  placeBoundaryLabels(moddle, shapes, edges, attachers);
}

/**
 * Labels of boundary events with outgoing flows go beside the flow instead of across it:
 * the first event's label left of its flow, the others' right of it, or the other side,
 * whichever covers no flow, shape or label; failing both, below the label in the way.
 */
function placeBoundaryLabels(moddle: BpmnModdle, shapes: ShapeDi[], edges: EdgeDi[], attachers: Map<ShapeDi, ShapeDi[]>): void {
  // Labels bpmn-js places itself: centred under named events and gateways, 90 × 20.
  const labels: Bounds[] = [];
  for (const shape of shapes) {
    const element = shape.bpmnElement!;
    if (element.attachedToRef || !element.name || !(element.$instanceOf('bpmn:Event') || element.$instanceOf('bpmn:Gateway'))) continue;
    const { x, y, width, height } = shape.bounds;
    labels.push({ x: x + width / 2 - 45, y: y + height, width: 90, height: 20 });
  }
  const segments = edges.flatMap((edge) =>
    edge.waypoint.slice(1).map((b, i) => {
      const a = edge.waypoint[i]!;
      return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
    }),
  );
  const blocked = (box: Bounds) => [...segments, ...shapes.map((shape) => shape.bounds), ...labels].some((other) => touches(box, other));

  for (const events of attachers.values()) {
    events.forEach((event, i) => {
      const name = event.bpmnElement!.name?.trim();
      if (!name || !edges.some((edge) => edge.bpmnElement!.sourceRef === event.bpmnElement)) return;
      const text = estimateTextWidth(name);
      const width = Math.min(90, Math.ceil(text) + 4);
      const lines = Math.ceil(text / (width - 4)) + (text > width ? 1 : 0);
      const height = Math.ceil(lines * 13.2 + 1);
      const cx = event.bounds.x + event.bounds.width / 2;
      const y = event.bounds.y + event.bounds.height + 2;
      const left = { x: cx - 4 - width, y, width, height };
      const right = { x: cx + 4, y, width, height };
      const candidates = i === 0 ? [left, right] : [right, left];
      const box = candidates.find((candidate) => !blocked(candidate)) ?? candidates[0]!;
      for (let other = labels.find((l) => touches(box, l)); other; other = labels.find((l) => touches(box, l))) box.y = other.y + other.height + 2;
      labels.push(box);
      event.label = moddle.create('bpmndi:BPMNLabel', { bounds: moddle.create('dc:Bounds', box) });
    });
  }
}

/** Rectangles (or segments, as zero-width rectangles) that overlap. */
function touches(a: Bounds, b: Bounds): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

/**
 * Candidate positions (fractions of the host's width) for n boundary events, best first;
 * away from the middle of the lower edge when bpmn-js draws markers there.
 */
function boundarySlots(n: number, markers: boolean): number[][] {
  if (n === 1) return markers ? [[0.85], [0.15]] : [[0.5], [0.75], [0.25], [0.9], [0.1]];
  if (n === 2) return markers ? [[0.12, 0.85], [0.15, 0.88]] : [[0.25, 0.75], [0.1, 0.5], [0.5, 0.9], [0.1, 0.9]];
  return [Array.from({ length: n }, (_, i) => i / (n - 1))];
}

/** Collapsed sub-process / call activity (+), loop, multi-instance and compensation markers. */
function hasBottomMarkers(element: ModdleElement): boolean {
  return (
    element.$instanceOf('bpmn:SubProcess') ||
    element.$instanceOf('bpmn:CallActivity') ||
    Boolean(element.get('loopCharacteristics')) ||
    element.get('isForCompensation') === true
  );
}

/**
 * Routes a flow from a boundary event: bpmn-auto-layout's route if it is orthogonal, starts
 * at the event's bottom, never rises above it and crosses no shape; otherwise straight down into the target's top,
 * or down and across into its side, or through the gap beside the target's column into its
 * side, or around below it into its bottom — the first that crosses no other shape.
 */
function routeFromBoundary(moddle: BpmnModdle, edge: EdgeDi, event: ShapeDi, previousDock: Point, target: ShapeDi, obstacles: ShapeDi[]): void {
  const dock = { x: event.bounds.x + event.bounds.width / 2, y: event.bounds.y + event.bounds.height };
  const t = target.bounds;
  const mid = centre(t);
  const original = edge.waypoint.map((p) => ({ x: p.x, y: p.y }));
  // bpmn-auto-layout starts at the event's old bottom: move its first (vertical) segment along.
  if (original.length >= 2 && same(original[0]!, previousDock) && original[1]!.x === original[0]!.x) {
    original[0] = { ...dock };
    original[1] = { x: dock.x, y: original[1]!.y };
  }
  const candidates: Point[][] = [];
  const plausible = original.length >= 2 && same(original[0]!, dock) && original[1]!.y > dock.y && original.every((p) => p.y >= dock.y);
  if (plausible && isOrthogonal(original) && onBorder(original[original.length - 1]!, t)) {
    candidates.push(original);
  }
  if (t.y > dock.y) {
    if (dock.x > t.x + 8 && dock.x < t.x + t.width - 8) candidates.push([dock, { x: dock.x, y: t.y }]);
    if (t.x >= dock.x) candidates.push([dock, { x: dock.x, y: mid.y }, { x: t.x, y: mid.y }]);
    if (t.x + t.width <= dock.x) candidates.push([dock, { x: dock.x, y: mid.y }, { x: t.x + t.width, y: mid.y }]);
  }
  // Down to just above whatever is in the way, across to the gap beside the target's column,
  // down, into its side.
  if (t.y > dock.y + 20) {
    const inTheWay = obstacles.filter((o) => o.bounds.x < dock.x && dock.x < o.bounds.x + o.bounds.width && o.bounds.y > dock.y && o.bounds.y < t.y);
    const turn = Math.max(dock.y + 14, Math.min(t.y, ...inTheWay.map((o) => o.bounds.y)) - 15);
    for (const side of [t.x - 25, t.x + t.width + 25]) {
      candidates.push([dock, { x: dock.x, y: turn }, { x: side, y: turn }, { x: side, y: mid.y }, { x: side < t.x ? t.x : t.x + t.width, y: mid.y }]);
    }
  }
  const below = Math.max(dock.y, t.y + t.height) + 20;
  candidates.push([dock, { x: dock.x, y: below }, { x: mid.x, y: below }, { x: mid.x, y: t.y + t.height }]);
  const route = candidates.find((points) => !crossesAny(points, obstacles)) ?? candidates[0]!;
  edge.waypoint = route.map((p) => moddle.create('dc:Point', { x: p.x, y: p.y }) as unknown as Point);
}

/** Makes every segment horizontal or vertical by adding a bend where bpmn-auto-layout drew a diagonal. */
function orthogonalise(moddle: BpmnModdle, edge: EdgeDi): void {
  for (let i = 1; i < edge.waypoint.length; i++) {
    const a = edge.waypoint[i - 1]!;
    const b = edge.waypoint[i]!;
    if (a.x === b.x || a.y === b.y) continue;
    const before = edge.waypoint[i - 2];
    const continueVertically = before ? before.x === a.x : false;
    const bend = continueVertically ? { x: a.x, y: b.y } : { x: b.x, y: a.y };
    edge.waypoint.splice(i, 0, moddle.create('dc:Point', bend) as unknown as Point);
  }
}

function isOrthogonal(points: Point[]): boolean {
  return points.every((p, i) => i === 0 || p.x === points[i - 1]!.x || p.y === points[i - 1]!.y);
}

function same(a: Point, b: Point): boolean {
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5;
}

/** Whether a route runs through the inside of one of the shapes. */
function crossesAny(points: Point[], shapes: ShapeDi[]): boolean {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const segment = { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
    for (const shape of shapes) {
      const s = shape.bounds;
      const inner = { x: s.x + 1, y: s.y + 1, width: s.width - 2, height: s.height - 2 };
      if (segment.x <= inner.x + inner.width && inner.x <= segment.x + segment.width && segment.y <= inner.y + inner.height && inner.y <= segment.y + segment.height) return true;
    }
  }
  return false;
}

/** Rough width in px of a label in bpmn-js's external style (11 px sans-serif, CJK 1 em). */
function estimateTextWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)) width += 11;
    else if (/[\s/.,:;|!'()ijlft\[\]-]/.test(ch)) width += 3.4;
    else if (/[A-Zmw]/.test(ch)) width += 8;
    else width += 6.2;
  }
  return width;
}

/**
 * Closes vertical gaps of whole grid rows (left where event sub-processes were): any gap
 * between occupied bands larger than a row is shrunk by whole rows, keeping ROW_GAP.
 * Horizontal edge segments count as occupied, vertical ones just get shorter.
 */
function closeEmptyRows(shapes: ShapeDi[], edges: EdgeDi[]): void {
  const bands: Array<[number, number]> = shapes.map((s) => [s.bounds.y, s.bounds.y + s.bounds.height]);
  for (const edge of edges) {
    edge.waypoint.forEach((point, i) => {
      const next = edge.waypoint[i + 1];
      if (next && next.y === point.y) bands.push([point.y, point.y]);
    });
  }
  if (bands.length === 0) return;
  bands.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const band of bands) {
    const last = merged[merged.length - 1];
    if (last && band[0] <= last[1]) last[1] = Math.max(last[1], band[1]);
    else merged.push([band[0], band[1]]);
  }
  const cuts: Array<{ from: number; to: number }> = [];
  for (let i = 1; i < merged.length; i++) {
    const gapStart = merged[i - 1]![1];
    const gapEnd = merged[i]![0];
    const rows = Math.floor((gapEnd - gapStart - ROW_GAP) / CELL_HEIGHT);
    if (rows > 0) cuts.push({ from: gapEnd - rows * CELL_HEIGHT, to: gapEnd });
  }
  if (cuts.length === 0) return;
  const map = (y: number) => y - cuts.reduce((shift, cut) => shift + Math.max(0, Math.min(y, cut.to) - cut.from), 0);
  for (const shape of shapes) shape.bounds.y = map(shape.bounds.y);
  for (const edge of edges) for (const point of edge.waypoint) point.y = map(point.y);
}

/** Serialises the diagrams with the standard prefixes; returns their text and namespaces. */
async function serialiseDiagrams(moddle: BpmnModdle, diagrams: ModdleElement[]) {
  const holder = moddle.create('bpmn:Definitions', { diagrams });
  const { xml } = await moddle.toXML(holder, { format: true, preamble: false });
  const root = readRootTag(xml);
  const close = xml.lastIndexOf(`</${root.qname}>`);
  if (close < 0) throw new LayoutError('could not serialise the diagram');
  const body = xml
    .slice(root.end, close)
    .replace(/^\s*\n/, '')
    .replace(/\s+$/, '');
  const usedPrefixes = new Set([...body.matchAll(/<\/?([A-Za-z_][\w.-]*):/g)].map((m) => m[1]!));
  const namespaces = new Map([...root.namespaces].filter(([prefix]) => usedPrefixes.has(prefix)));
  return { body, namespaces };
}

// ---------------------------------------------------------------------------------------
// Text surgery: the semantic part of the file is never re-serialised

const NAME = String.raw`[A-Za-z_][\w.\-]*`;
const ATTRIBUTES = String.raw`(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*`;

interface StartTag {
  start: number;
  end: number;
  qname: string;
  attributesEnd: number;
  attributes: string;
  namespaces: Map<string, string>;
}

/** Same length as the input, with comments, CDATA, processing instructions and DOCTYPE blanked. */
function maskMarkup(xml: string): string {
  return xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>/g, (m) => m.replace(/[^\n]/g, ' '));
}

function decodeEntities(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name]!);
}

/** xmlns declarations of an attribute list: prefix ('' for the default namespace) → URI. */
function namespaceDeclarations(attributes: string): Map<string, string> {
  const namespaces = new Map<string, string>();
  for (const m of attributes.matchAll(/\s(xmlns(?::([\w.-]+))?)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    namespaces.set(m[2] ?? '', decodeEntities(m[3] ?? m[4] ?? ''));
  }
  return namespaces;
}

function readRootTag(xml: string): StartTag {
  const masked = maskMarkup(xml);
  const m = new RegExp(`<(${NAME}(?::${NAME})?)(${ATTRIBUTES})\\s*/?>`).exec(masked);
  if (!m) throw new LayoutError('no root element');
  const attributes = xml.slice(m.index + 1 + m[1]!.length, m.index + 1 + m[1]!.length + m[2]!.length);
  return {
    start: m.index,
    end: m.index + m[0].length,
    qname: m[1]!,
    attributesEnd: m.index + 1 + m[1]!.length + m[2]!.length,
    attributes,
    namespaces: namespaceDeclarations(attributes),
  };
}

interface Range {
  start: number;
  end: number;
}

/** Elements with the given namespace and local name, found in the text (not nested in each other). */
function findElements(xml: string, namespace: string, localName: string): Range[] {
  const masked = maskMarkup(xml);
  const root = readRootTag(xml);
  const ranges: Range[] = [];
  const open = new RegExp(`<(?:(${NAME}):)?${localName}(${ATTRIBUTES})\\s*(/?)>`, 'g');
  let m: RegExpExecArray | null;
  while ((m = open.exec(masked))) {
    const prefix = m[1] ?? '';
    const own = namespaceDeclarations(m[2]!);
    if ((own.get(prefix) ?? root.namespaces.get(prefix)) !== namespace) continue;
    if (m[3]) {
      ranges.push({ start: m.index, end: m.index + m[0].length });
      continue;
    }
    const qname = prefix ? `${prefix}:${localName}` : localName;
    const close = new RegExp(`</${qname.replace(/\./g, '\\.')}\\s*>`, 'g');
    close.lastIndex = open.lastIndex;
    const c = close.exec(masked);
    if (!c) throw new LayoutError(`unclosed <${qname}>`);
    ranges.push({ start: m.index, end: c.index + c[0].length });
    open.lastIndex = c.index + c[0].length;
  }
  return ranges;
}

/** Removes the ranges together with their indentation and the line break before them. */
function removeRanges(xml: string, ranges: Range[]): string {
  let result = xml;
  for (const range of [...ranges].sort((a, b) => b.start - a.start)) {
    let start = range.start;
    while (start > 0 && (result[start - 1] === ' ' || result[start - 1] === '\t')) start--;
    if (result[start - 1] === '\n') start -= result[start - 2] === '\r' ? 2 : 1;
    else start = range.start;
    result = result.slice(0, start) + result.slice(range.end);
  }
  return result;
}

/** Inserts the DI before the root end tag and declares the prefixes it uses on the root. */
function insertDiagrams(xml: string, body: string, namespaces: Map<string, string>): string {
  const eol = xml.includes('\r\n') ? '\r\n' : '\n';
  const root = readRootTag(xml);
  let declarations = '';
  const lastLine = /\n([ \t]*)[^\n]*$/.exec(root.attributes);
  for (const [prefix, uri] of namespaces) {
    const bound = root.namespaces.get(prefix);
    if (bound === uri) continue;
    if (bound !== undefined) throw new LayoutError(`prefix "${prefix}" is bound to ${bound} in the root element, not to ${uri}`);
    const attribute = `xmlns${prefix ? `:${prefix}` : ''}="${uri}"`;
    declarations += lastLine ? `${eol}${lastLine[1]}${attribute}` : ` ${attribute}`;
  }
  let result = xml.slice(0, root.attributesEnd) + declarations + xml.slice(root.attributesEnd);

  const masked = maskMarkup(result);
  const closeTag = new RegExp(`</${root.qname.replace(/\./g, '\\.')}\\s*>`, 'g');
  let close: RegExpExecArray | null = null;
  for (let m; (m = closeTag.exec(masked)); ) close = m;
  if (!close) throw new LayoutError(`no </${root.qname}> end tag`);
  const lineStart = result.lastIndexOf('\n', close.index - 1) + 1;
  const text = body.split('\n').join(eol);
  result = /^[ \t]*$/.test(result.slice(lineStart, close.index))
    ? result.slice(0, lineStart) + text + eol + result.slice(lineStart)
    : result.slice(0, close.index) + eol + text + eol + result.slice(close.index);
  return result;
}

// ---------------------------------------------------------------------------------------
// Helpers

function theProcess(definitions: ModdleElement): ModdleElement {
  const rootElements = definitions.rootElements ?? [];
  const collaboration = rootElements.find((element) => element.$instanceOf('bpmn:Collaboration'));
  if (collaboration) throw new LayoutError(`collaborations (pools) are not supported: bpmn-auto-layout only lays out the first process (${collaboration.id})`);
  const processes = rootElements.filter((element) => element.$instanceOf('bpmn:Process'));
  if (processes.length !== 1) throw new LayoutError(`expected exactly one bpmn:process, found ${processes.length}`);
  return processes[0]!;
}

/** The process and its sub-processes, depth first in document order. */
function containers(process: ModdleElement): ModdleElement[] {
  const result: ModdleElement[] = [];
  const visit = (container: ModdleElement) => {
    result.push(container);
    for (const element of container.flowElements ?? []) if (element.$instanceOf('bpmn:SubProcess')) visit(element);
  };
  visit(process);
  return result;
}

function isEventSubProcess(element: ModdleElement): boolean {
  return element.$instanceOf('bpmn:SubProcess') && element.triggeredByEvent === true;
}

/** Every id in the document (or only outside the DI). */
function collectIds(definitions: ModdleElement, semanticOnly = false): Record<string, true> {
  const ids: Record<string, true> = {};
  const seen = new Set<object>();
  const walk = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    const element = value as ModdleElement;
    if (typeof element.id === 'string') ids[element.id] = true;
    for (const key of propertyNames(element)) {
      if ((semanticOnly && key === 'diagrams') || isReference(element, key)) continue;
      walk((element as unknown as Record<string, unknown>)[key]);
    }
    walk(element.$children);
  };
  walk(definitions);
  return ids;
}

/** Own properties of a moddle element (typed ones, or attributes of a generic element), without $type. */
function propertyNames(element: ModdleElement): string[] {
  return Object.keys(element).filter((key) => !key.startsWith('$'));
}

/** Whether a typed property holds references (sourceRef, incoming, attachedToRef …) rather than children. */
function isReference(element: ModdleElement, key: string): boolean {
  return element.$descriptor?.propertiesByName?.[key]?.isReference === true;
}

function uniqueId(wanted: string, used: Set<string>): string {
  let id = wanted;
  for (let n = 2; used.has(id); n++) id = `${wanted}_${n}`;
  used.add(id);
  return id;
}

function label(element: ModdleElement): string {
  return `${element.$type.replace(/^bpmn:/, '')} ${element.id ?? '(no id)'}`;
}

function summariseWarnings(warnings: Array<{ message: string }>): string {
  const first = warnings
    .slice(0, 3)
    .map((w) => w.message.split('\n')[0])
    .join('; ');
  return warnings.length > 3 ? `${first}; … (${warnings.length} in all)` : first;
}

function centre(b: Bounds): Point {
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

function onBorder(p: Point, b: Bounds, tolerance = 1): boolean {
  const inside = p.x >= b.x - tolerance && p.x <= b.x + b.width + tolerance && p.y >= b.y - tolerance && p.y <= b.y + b.height + tolerance;
  const nearEdge = Math.min(Math.abs(p.x - b.x), Math.abs(p.x - b.x - b.width), Math.abs(p.y - b.y), Math.abs(p.y - b.y - b.height)) <= tolerance;
  return inside && nearEdge;
}

function intersects(a: Bounds, b: Bounds): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
