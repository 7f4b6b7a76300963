// Local declarations for bpmn-auto-layout 1.3 (ships no types) and bpmn-moddle 10 (its
// types sit behind the "./types" export, which NodeNext resolution does not pick up for
// the bare specifier). Only what scripts/bpmn-layout.ts uses is declared.
declare module 'bpmn-auto-layout' {
  /** Lays out the first process of a BPMN 2.0 XML document; resolves with the new XML. */
  export function layoutProcess(xml: string): Promise<string>;
}

declare module 'bpmn-moddle' {
  export interface Point {
    x: number;
    y: number;
  }

  export interface Bounds extends Point {
    width: number;
    height: number;
  }

  /** A moddle element: typed properties are own properties, unknown attributes sit in $attrs. */
  export interface ModdleElement {
    readonly $type: string;
    $parent?: ModdleElement;
    $attrs?: Record<string, string>;
    $body?: string;
    $children?: ModdleElement[];
    $descriptor?: { isGeneric?: boolean; propertiesByName?: Record<string, { isReference?: boolean; isMany?: boolean } | undefined> };
    id?: string;
    name?: string;
    // bpmn:Definitions
    rootElements?: ModdleElement[];
    diagrams?: ModdleElement[];
    // flow element containers and flow elements
    flowElements?: ModdleElement[];
    artifacts?: ModdleElement[];
    laneSets?: ModdleElement[];
    triggeredByEvent?: boolean;
    attachedToRef?: ModdleElement;
    sourceRef?: ModdleElement;
    targetRef?: ModdleElement;
    participants?: ModdleElement[];
    // bpmndi
    plane?: ModdleElement;
    planeElement?: ModdleElement[];
    bpmnElement?: ModdleElement;
    bounds?: Bounds;
    waypoint?: Point[];
    isExpanded?: boolean;
    label?: ModdleElement;
    $instanceOf(type: string): boolean;
    get(name: string): unknown;
    set(name: string, value: unknown): void;
  }

  export interface ImportWarning {
    message: string;
    error?: Error;
  }

  export interface ParseResult {
    rootElement: ModdleElement;
    elementsById: Record<string, ModdleElement>;
    warnings: ImportWarning[];
  }

  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
    toXML(element: ModdleElement, options?: { format?: boolean; preamble?: boolean }): Promise<{ xml: string }>;
    create(type: string, attrs?: Record<string, unknown>): ModdleElement;
  }
}
