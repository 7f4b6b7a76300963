/**
 * bpmn-js shared by the designer and the migration page: the class unwrapping, the few
 * diagram-js services we call, a layer of markers with overlay badges, and a read-only
 * viewer with marks (the diff's base version, a migration's source and target).
 */
import NavigatedViewerModule from 'bpmn-js/lib/NavigatedViewer.js';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import './designer.css';

// ---------------------------------------------------------------------------------------
// bpmn-js has no package "type", so under NodeNext TypeScript sees its ESM files as
// CommonJS and types a default import as the module object; Vite hands over the class.

export interface DiagramLike {
  importXML(xml: string): Promise<{ warnings: unknown[] }>;
  saveXML(options?: { format?: boolean }): Promise<{ xml?: string }>;
  saveSVG(): Promise<{ svg: string }>;
  get<T>(name: string): T;
  getDefinitions(): unknown;
  destroy(): void;
}
export type DiagramClass = new (options: Record<string, unknown>) => DiagramLike;

export function unwrap(module: unknown): DiagramClass {
  const candidate = module as DiagramClass | { default: DiagramClass };
  return 'default' in candidate ? candidate.default : candidate;
}
const NavigatedViewer = unwrap(NavigatedViewerModule);

// The few diagram-js services used here, typed as far as we use them.
export interface Shape {
  id: string;
  type: string;
  businessObject: { id: string; name?: string; $type: string; get(name: string): unknown };
  waypoints?: unknown[];
  labelTarget?: unknown;
  parent?: Shape;
}
export interface Canvas {
  addMarker(element: string | Shape, marker: string): void;
  removeMarker(element: string | Shape, marker: string): void;
  zoom(level?: 'fit-viewport' | number, center?: 'auto' | { x: number; y: number }): number;
  scrollToElement(element: Shape, padding?: number): void;
  getRootElement(): Shape;
  getContainer(): HTMLElement;
  focus?(): void;
}
export interface ElementRegistry {
  get(id: string): Shape | undefined;
  getAll(): Shape[];
}
export interface Overlays {
  add(element: string | Shape, type: string, overlay: { position: Record<string, number>; html: HTMLElement | string }): string;
  remove(filter: { type?: string; element?: string | Shape }): void;
}
export interface EventBus {
  on(event: string | string[], priority: number, callback: (event: any) => unknown): void;
  on(event: string | string[], callback: (event: any) => unknown): void;
  off(event: string | string[], callback: (event: any) => unknown): void;
  fire(event: string, payload?: unknown): unknown;
}
export interface CommandStack {
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
}
/** Marks on the canvas: problems (red/orange) or the visual diff. */
export interface CanvasMark {
  elementId: string;
  kind: 'error' | 'warn' | 'added' | 'removed' | 'changed' | 'layout' | 'mapped' | 'unmapped';
  /** Tooltip of the overlay badge. */
  title?: string;
}

const MARK_CLASS: Record<CanvasMark['kind'], string> = {
  error: 'sunshine-problem-error',
  warn: 'sunshine-problem-warn',
  added: 'diff-added',
  removed: 'diff-removed',
  changed: 'diff-changed',
  layout: 'diff-layout',
  mapped: 'migration-mapped',
  unmapped: 'migration-unmapped',
};
const MARK_BADGE: Record<CanvasMark['kind'], string> = { error: '!', warn: '!', added: '+', removed: '−', changed: '✎', layout: '↔', mapped: '→', unmapped: '?' };

/** Keeps one group of markers and overlay badges on a diagram and replaces it as a whole. */
export function markLayer(canvas: Canvas, registry: ElementRegistry, overlays: Overlays, group: string) {
  let current: CanvasMark[] = [];
  const type = `sunshine-${group}`;
  return {
    set(marks: CanvasMark[]) {
      for (const mark of current) if (registry.get(mark.elementId)) canvas.removeMarker(mark.elementId, MARK_CLASS[mark.kind]);
      overlays.remove({ type });
      // The root (the process itself) is the whole canvas: it is listed, not marked.
      current = marks.filter((mark) => registry.get(mark.elementId)?.parent);
      for (const mark of current) {
        canvas.addMarker(mark.elementId, MARK_CLASS[mark.kind]);
        const element = registry.get(mark.elementId)!;
        // Connections carry the marker only; a badge would sit in the void.
        if (element.waypoints) continue;
        const badge = document.createElement('div');
        badge.className = `sunshine-badge sunshine-badge-${mark.kind}`;
        badge.textContent = MARK_BADGE[mark.kind];
        badge.dataset.mark = mark.kind;
        if (mark.title) badge.title = mark.title;
        overlays.add(element, type, { position: { top: -10, left: -10 }, html: badge });
      }
    },
    clear() {
      this.set([]);
    },
  };
}

// ---------------------------------------------------------------------------------------

export interface BaseViewer {
  /** Resolves false when the diagram has no diagram interchange (semantic-only BPMN: nothing to draw). */
  open(xml: string): Promise<boolean>;
  setMarks(marks: CanvasMark[]): void;
  reveal(elementId: string): boolean;
  has(elementId: string): boolean;
  fit(): void;
  destroy(): void;
}

/** A read-only viewer with marks: the diff's base version, the migration page's two versions. */
export function createBaseViewer(container: HTMLElement): BaseViewer {
  const viewer = new NavigatedViewer({ container });
  const canvas = viewer.get<Canvas>('canvas');
  const registry = viewer.get<ElementRegistry>('elementRegistry');
  const layer = markLayer(canvas, registry, viewer.get<Overlays>('overlays'), 'marks');
  return {
    async open(xml) {
      layer.clear();
      await viewer.importXML(xml);
      canvas.zoom('fit-viewport', 'auto');
      return registry.getAll().some((element) => element.parent);
    },
    setMarks: (marks) => layer.set(marks),
    reveal(elementId) {
      const element = registry.get(elementId);
      if (!element || !element.parent) return false;
      canvas.scrollToElement(element, 120);
      return true;
    },
    has: (elementId) => Boolean(registry.get(elementId)),
    fit: () => void canvas.zoom('fit-viewport', 'auto'),
    destroy: () => viewer.destroy(),
  };
}
