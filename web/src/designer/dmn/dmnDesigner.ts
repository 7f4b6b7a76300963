/**
 * dmn-js for the designer's decision tables, loaded on demand: the Modeler (DRD, decision
 * table, literal expression views) with the Camunda DMN extension, so `camunda:` attributes
 * such as historyTimeToLive survive an edit.
 */
import DmnModeler, { type DmnView } from 'dmn-js/lib/Modeler.js';
import camundaDmnModdle from 'camunda-dmn-moddle/resources/camunda.json' with { type: 'json' };
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression-controls.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';

/** dmn-js has no package "type" either; see bpmnDesigner.ts. */
type DmnModelerClass = typeof DmnModeler;
const Modeler: DmnModelerClass = 'default' in (DmnModeler as object) ? (DmnModeler as unknown as { default: DmnModelerClass }).default : DmnModeler;

export interface DmnViewSummary {
  index: number;
  type: string;
  id: string;
  name: string;
}

interface CommandStack {
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
}

export interface DmnDesigner {
  open(xml: string): Promise<void>;
  xml(): Promise<string>;
  views(): DmnViewSummary[];
  activeView(): number;
  showView(index: number): Promise<void>;
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  /** After every change, import and view switch. */
  onChanged(listener: () => void): () => void;
  /** The decision ids the document defines (what a deployment makes versions of). */
  decisionIds(): string[];
  destroy(): void;
}

export function createDmnDesigner(container: HTMLElement): DmnDesigner {
  const modeler = new Modeler({ container, moddleExtensions: { camunda: camundaDmnModdle } });
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  let watched: { off(event: string, callback: () => void): void } | null = null;

  // Each view has its own command stack; listen to the one that is showing.
  modeler.on('views.changed', () => {
    const eventBus = modeler.getActiveViewer()?.get<{ on(event: string, callback: () => void): void; off(event: string, callback: () => void): void }>('eventBus');
    if (watched) watched.off('commandStack.changed', notify);
    eventBus?.on('commandStack.changed', notify);
    watched = eventBus ?? null;
    notify();
  });

  const commandStack = (): CommandStack | undefined => {
    try {
      return modeler.getActiveViewer()?.get<CommandStack>('commandStack');
    } catch {
      return undefined;
    }
  };
  const views = () => modeler.getViews();

  return {
    async open(xml) {
      await modeler.importXML(xml);
      // A table is what people come for; the DRD stays one click away.
      const table = views().find((view) => view.type === 'decisionTable');
      if (table) await modeler.open(table);
      notify();
    },
    async xml() {
      return (await modeler.saveXML({ format: true })).xml;
    },
    views: () =>
      views().map((view: DmnView, index) => ({ index, type: view.type, id: view.element.id, name: view.element.name?.trim() || view.element.id })),
    activeView() {
      const active = modeler.getActiveView();
      return Math.max(0, views().findIndex((view) => view === active || (active && view.element === active.element && view.type === active.type)));
    },
    async showView(index) {
      const view = views()[index];
      if (view) await modeler.open(view);
    },
    undo: () => commandStack()?.undo(),
    redo: () => commandStack()?.redo(),
    canUndo: () => commandStack()?.canUndo() ?? false,
    canRedo: () => commandStack()?.canRedo() ?? false,
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    decisionIds: () => views().filter((view) => view.element.$type === 'dmn:Decision').map((view) => view.element.id),
    destroy: () => modeler.destroy(),
  };
}
