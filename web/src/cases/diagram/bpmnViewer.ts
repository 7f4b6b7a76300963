/**
 * Everything bpmn-js: loaded on demand (a dynamic import) so the ~1 MB viewer and its
 * styles reach the browser only when a case file shows a diagram.
 */
import NavigatedViewerModule from 'bpmn-js/lib/NavigatedViewer.js';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import './diagram.css';

type NavigatedViewer = InstanceType<typeof import('bpmn-js/lib/NavigatedViewer.js').default>;
type ViewerClass = new (options: { container: HTMLElement }) => NavigatedViewer;

/**
 * bpmn-js has no package "type", so under NodeNext TypeScript sees its ESM files as
 * CommonJS and types the default import as the module object; Vite hands over the class.
 */
function unwrap(module: ViewerClass | { default: ViewerClass }): ViewerClass {
  return 'default' in module ? module.default : module;
}
const NavigatedViewer = unwrap(NavigatedViewerModule as unknown as ViewerClass | { default: ViewerClass });

interface Canvas {
  addMarker(elementId: string, marker: string): void;
  zoom(level: 'fit-viewport', center?: 'auto'): number;
}

interface ElementRegistry {
  get(id: string): unknown;
}

export const COMPLETED_MARKER = 'highlight-completed';
export const ACTIVE_MARKER = 'highlight-active';

export interface RenderedDiagram {
  fit(): void;
  destroy(): void;
}

/** Draws the diagram into `container` and marks the steps done and the steps under way. */
export async function renderDiagram(container: HTMLElement, xml: string, completed: string[], active: string[]): Promise<RenderedDiagram> {
  const viewer = new NavigatedViewer({ container });
  try {
    await viewer.importXML(xml);
    const canvas = viewer.get<Canvas>('canvas');
    const registry = viewer.get<ElementRegistry>('elementRegistry');
    // A step both done and running again (a loop) shows as running.
    for (const id of completed) if (!active.includes(id) && registry.get(id)) canvas.addMarker(id, COMPLETED_MARKER);
    for (const id of active) if (registry.get(id)) canvas.addMarker(id, ACTIVE_MARKER);
    canvas.zoom('fit-viewport', 'auto');
    return { fit: () => canvas.zoom('fit-viewport', 'auto'), destroy: () => viewer.destroy() };
  } catch (error) {
    viewer.destroy();
    throw error;
  }
}
