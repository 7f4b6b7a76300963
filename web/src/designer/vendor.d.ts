// Local declarations for the bpmn.io / Camunda packages the browser designer uses that ship
// no types (bpmn-js and diagram-js do and are not declared here). Only what web/src/designer
// and web/src/migrations use; the modules are DI modules handed to bpmn-js / dmn-js as is.

/** A didi module as bpmn-js takes it in `additionalModules`. */
type SunshineDiModule = Record<string, unknown>;

declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: SunshineDiModule;
  export const BpmnPropertiesProviderModule: SunshineDiModule;
  export const CamundaPlatformPropertiesProviderModule: SunshineDiModule;
}

declare module 'bpmn-js-element-templates' {
  /** Camunda 7 element templates (properties provider, core, loader, chooser hook `elementTemplates.select`). */
  export const ElementTemplatesPropertiesProviderModule: SunshineDiModule;
}

declare module 'bpmn-js-bpmnlint' {
  const lintModule: SunshineDiModule;
  export default lintModule;
}

declare module 'camunda-bpmn-js-behaviors/lib/camunda-platform/index.js' {
  const behaviors: SunshineDiModule;
  export default behaviors;
}

declare module 'bpmn-js-differ' {
  import type { ModdleElement } from 'bpmn-moddle';

  export interface ChangedElement {
    model: ModdleElement;
    attrs: Record<string, { oldValue: unknown; newValue: unknown }>;
  }

  export interface DiffResult {
    _added: Record<string, ModdleElement>;
    _removed: Record<string, ModdleElement>;
    _changed: Record<string, ChangedElement>;
    _layoutChanged: Record<string, ModdleElement>;
  }

  export function diff(oldDefinitions: ModdleElement, newDefinitions: ModdleElement): DiffResult;
}

declare module 'dmn-js/lib/Modeler.js' {
  export interface DmnView {
    type: 'drd' | 'decisionTable' | 'literalExpression' | 'boxedExpression' | string;
    element: { id: string; name?: string; $type: string };
  }

  export interface DmnViewer {
    get<T = unknown>(name: string): T;
  }

  export default class DmnModeler {
    constructor(options: Record<string, unknown>);
    importXML(xml: string): Promise<{ warnings: unknown[] }>;
    saveXML(options?: { format?: boolean }): Promise<{ xml: string }>;
    getViews(): DmnView[];
    getView(): DmnView | undefined;
    getActiveView(): DmnView | undefined;
    getActiveViewer(): DmnViewer | undefined;
    open(view: DmnView): Promise<{ warnings: unknown[] }>;
    on(event: string, callback: (event: unknown) => void): void;
    off(event: string, callback: (event: unknown) => void): void;
    destroy(): void;
  }
}
