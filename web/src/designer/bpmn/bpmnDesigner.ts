/**
 * Everything bpmn-js for the designer, loaded on demand (the page imports this module
 * dynamically): the Modeler with the Camunda 7 properties panel and behaviours, the
 * element templates from the API (with our own chooser, see `onTemplateRequest`), the
 * project's bpmnlint config running as you draw, palette entries for the two task types
 * procedures consist of, and markers and overlays for problems and for the visual diff
 * (./marks.ts, which also has the read-only viewer for the diff's base diagram).
 *
 * The React side only talks to the small interfaces below; bpmn-js objects stay here.
 */
import ModelerModule from 'bpmn-js/lib/Modeler.js';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule } from 'bpmn-js-properties-panel';
import { ElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import lintModule from 'bpmn-js-bpmnlint';
import CamundaPlatformBehaviors from 'camunda-bpmn-js-behaviors/lib/camunda-platform/index.js';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };
import { sunshineLinting } from '../../../../src/designer/lint/config.js';
import type { ElementTemplateJson, LintContext } from '../types.js';
export { createBaseViewer, type BaseViewer, type CanvasMark } from './marks.js';
import { markLayer, unwrap, type Canvas, type CanvasMark, type CommandStack, type ElementRegistry, type EventBus, type Overlays, type Shape } from './marks.js';
import { translateModule } from './translate.js';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';

// ---------------------------------------------------------------------------------------

const Modeler = unwrap(ModelerModule);

interface ElementTemplatesService {
  getLatest(element: Shape): ElementTemplateJson[];
  get(element: Shape): ElementTemplateJson | null;
  applyTemplate(element: Shape, template: ElementTemplateJson): Shape;
}
interface LintingService {
  setLinterConfig(config: unknown): void;
  toggle(active?: boolean): boolean;
  isActive(): boolean;
}

/** Palette entries for the two task kinds a procedure is made of (bpmn-js offers a generic task only). */
function SunshinePalette(this: unknown, palette: { registerProvider(priority: number, provider: unknown): void }, create: { start(event: Event, shape: unknown): void }, elementFactory: { createShape(attrs: { type: string }): unknown }, translate: (text: string) => string) {
  palette.registerProvider(900, {
    getPaletteEntries() {
      const entry = (type: string, className: string, title: string) => {
        const start = (event: Event) => create.start(event, elementFactory.createShape({ type }));
        return { group: 'activity', className, title: translate(title), action: { dragstart: start, click: start } };
      };
      return {
        'create.user-task': entry('bpmn:UserTask', 'bpmn-icon-user-task', 'Create user task'),
        'create.service-task': entry('bpmn:ServiceTask', 'bpmn-icon-service-task', 'Create service task'),
      };
    },
  });
}
(SunshinePalette as unknown as { $inject: string[] }).$inject = ['palette', 'create', 'elementFactory', 'translate'];
const sunshinePaletteModule = { __init__: ['sunshinePalette'], sunshinePalette: ['type', SunshinePalette] };

// ---------------------------------------------------------------------------------------

export interface LintIssue {
  rule: string;
  /** The element the rule reported (a process id for process-level rules). */
  elementId: string;
  message: string;
  category: 'error' | 'warn';
}

export interface TemplateRequest {
  elementId: string;
  elementName: string;
  elementType: string;
  /** Templates that apply to the element, newest version of each. */
  templates: ElementTemplateJson[];
  /** The template applied now, if any. */
  current: string | null;
}

export interface DiagramProcess {
  id: string;
  name: string | null;
  executable: boolean;
  versionTag: string | null;
}

export interface BpmnDesigner {
  /** Replaces the diagram; resolves with import warnings. */
  open(xml: string): Promise<string[]>;
  xml(): Promise<string>;
  svg(): Promise<string>;
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  /** After every change and import (undo/redo buttons, dirty flag). */
  onChanged(listener: () => void): () => void;
  onLint(listener: (issues: LintIssue[]) => void): () => void;
  /** The properties panel's "select template" button, for the page's chooser dialog. */
  onTemplateRequest(listener: (request: TemplateRequest) => void): () => void;
  applyTemplate(elementId: string, templateId: string): void;
  /** Selects, scrolls to and highlights an element; false when the diagram has none with that id. */
  reveal(elementId: string): boolean;
  has(elementId: string): boolean;
  /** The element's name (a label's target's), or null. */
  nameOf(elementId: string): string | null;
  setMarks(group: 'problems' | 'diff', marks: CanvasMark[]): void;
  processes(): DiagramProcess[];
  fit(): void;
  zoom(step: number): void;
  setLintContext(context: LintContext): void;
  destroy(): void;
}

function processesOf(definitions: unknown): DiagramProcess[] {
  type Root = { $type: string; id: string; name?: string; isExecutable?: boolean; get(name: string): unknown };
  const roots = (definitions as { rootElements?: Root[] } | null)?.rootElements ?? [];
  return roots
    .filter((element) => element.$type === 'bpmn:Process')
    .map((process) => ({ id: process.id, name: process.name ?? null, executable: Boolean(process.isExecutable), versionTag: (process.get('camunda:versionTag') as string | undefined) ?? null }));
}

function reportsToIssues(issues: Record<string, { id: string; actualElementId?: string; message: string; category: string; rule: string }[]>): LintIssue[] {
  const flat: LintIssue[] = [];
  for (const reports of Object.values(issues)) {
    for (const report of reports) {
      if (report.category === 'off') continue;
      flat.push({
        rule: report.rule,
        elementId: report.actualElementId ?? report.id,
        message: report.message,
        category: report.category === 'warn' || report.category === 'info' ? 'warn' : 'error',
      });
    }
  }
  return flat.sort((a, b) => Number(a.category === 'warn') - Number(b.category === 'warn') || a.elementId.localeCompare(b.elementId) || a.rule.localeCompare(b.rule));
}

export function createBpmnDesigner(options: {
  container: HTMLElement;
  propertiesPanel: HTMLElement;
  templates: ElementTemplateJson[];
  lintContext: LintContext;
  language: string;
}): BpmnDesigner {
  const modeler = new Modeler({
    container: options.container,
    propertiesPanel: {
      parent: options.propertiesPanel,
      // Open what a procedure designer sets most: who works a task, what a service task calls.
      layout: { groups: { general: { open: true }, CamundaPlatform__UserAssignment: { open: true }, CamundaPlatform__Implementation: { open: true }, ElementTemplates__Template: { open: true } } },
    },
    linting: { active: true, bpmnlint: sunshineLinting(options.lintContext) },
    elementTemplates: options.templates,
    moddleExtensions: { camunda: camundaModdle },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      CamundaPlatformBehaviors,
      ElementTemplatesPropertiesProviderModule,
      lintModule,
      sunshinePaletteModule,
      ...(options.language.startsWith('zh') ? [translateModule] : []),
    ],
  });

  const canvas = modeler.get<Canvas>('canvas');
  const registry = modeler.get<ElementRegistry>('elementRegistry');
  const overlays = modeler.get<Overlays>('overlays');
  const eventBus = modeler.get<EventBus>('eventBus');
  const commandStack = modeler.get<CommandStack>('commandStack');
  const selection = modeler.get<{ select(element: Shape | Shape[] | null): void }>('selection');
  const elementTemplates = modeler.get<ElementTemplatesService>('elementTemplates');
  const linting = modeler.get<LintingService>('linting');
  const layers = { problems: markLayer(canvas, registry, overlays, 'problems'), diff: markLayer(canvas, registry, overlays, 'diff') };

  let lastIssues: LintIssue[] = [];
  const lintListeners = new Set<(issues: LintIssue[]) => void>();
  eventBus.on('linting.completed', (event: { issues: Parameters<typeof reportsToIssues>[0] }) => {
    lastIssues = reportsToIssues(event.issues);
    for (const listener of lintListeners) listener(lastIssues);
  });
  // The lint button under the canvas hides or shows the overlays; the list keeps working either way
  // (bpmn-js-bpmnlint lints and reports on every change, and only skips the overlays when inactive).

  const templateListeners = new Set<(request: TemplateRequest) => void>();
  eventBus.on('elementTemplates.select', (event: { element: Shape }) => {
    const element = event.element;
    const request: TemplateRequest = {
      elementId: element.id,
      elementName: element.businessObject.name ?? '',
      elementType: element.businessObject.$type,
      templates: elementTemplates.getLatest(element),
      current: elementTemplates.get(element)?.id ?? null,
    };
    for (const listener of templateListeners) listener(request);
  });

  function subscribe<T>(set: Set<T>, listener: T): () => void {
    set.add(listener);
    return () => set.delete(listener);
  }

  return {
    async open(xml) {
      layers.problems.clear();
      layers.diff.clear();
      const { warnings } = await modeler.importXML(xml);
      canvas.zoom('fit-viewport', 'auto');
      return warnings.map((warning) => (warning instanceof Error ? warning.message : String((warning as { message?: string }).message ?? warning)));
    },
    async xml() {
      const { xml } = await modeler.saveXML({ format: true });
      return xml ?? '';
    },
    async svg() {
      return (await modeler.saveSVG()).svg;
    },
    undo: () => commandStack.undo(),
    redo: () => commandStack.redo(),
    canUndo: () => commandStack.canUndo(),
    canRedo: () => commandStack.canRedo(),
    onChanged(listener) {
      const handler = () => listener();
      eventBus.on(['commandStack.changed', 'import.done'], handler);
      return () => eventBus.off(['commandStack.changed', 'import.done'], handler);
    },
    onLint(listener) {
      listener(lastIssues);
      return subscribe(lintListeners, listener);
    },
    onTemplateRequest: (listener) => subscribe(templateListeners, listener),
    applyTemplate(elementId, templateId) {
      const element = registry.get(elementId);
      if (!element) throw new Error(`no element ${elementId}`);
      const template = elementTemplates.getLatest(element).find((candidate) => candidate.id === templateId);
      if (!template) throw new Error(`template ${templateId} does not apply to ${elementId}`);
      const updated = elementTemplates.applyTemplate(element, template);
      selection.select(updated ?? element);
    },
    reveal(elementId) {
      const element = registry.get(elementId);
      if (!element) return false;
      const target = element.labelTarget ? (element.labelTarget as Shape) : element;
      if (target.parent) {
        selection.select(target);
        canvas.scrollToElement(target, 120);
      } else {
        selection.select(null);
      }
      return true;
    },
    has: (elementId) => Boolean(registry.get(elementId)),
    nameOf(elementId) {
      const element = registry.get(elementId);
      if (element) return element.businessObject.name?.trim() || null;
      const process = processesOf(modeler.getDefinitions()).find((candidate) => candidate.id === elementId);
      return process?.name ?? null;
    },
    setMarks(group, marks) {
      layers[group].set(marks);
    },
    processes: () => processesOf(modeler.getDefinitions()),
    fit: () => void canvas.zoom('fit-viewport', 'auto'),
    zoom(step) {
      canvas.zoom(Math.min(4, Math.max(0.2, canvas.zoom() + step)));
    },
    setLintContext(context) {
      linting.setLinterConfig(sunshineLinting(context));
    },
    destroy: () => modeler.destroy(),
  };
}

