/**
 * The activities of a version a migration instruction can map: where a case can wait
 * (activities, boundary and intermediate catch events, event-based and joining gateways,
 * the triggered start events of event sub-processes). Mirrors the server's list
 * (src/designer/migration.ts) with the browser's XML parser, without loading bpmn-js.
 */
const BPMN_MODEL = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

const ACTIVITY_TYPES = new Set([
  'task',
  'userTask',
  'serviceTask',
  'sendTask',
  'receiveTask',
  'manualTask',
  'businessRuleTask',
  'scriptTask',
  'callActivity',
  'subProcess',
  'transaction',
  'adHocSubProcess',
]);
const WAIT_TYPES = new Set(['boundaryEvent', 'intermediateCatchEvent', 'eventBasedGateway', 'parallelGateway', 'inclusiveGateway']);

export interface MappableActivity {
  id: string;
  name: string | null;
  /** The BPMN element name: userTask, boundaryEvent, … */
  type: string;
}

function hasEventDefinition(element: Element): boolean {
  return Array.from(element.children).some((child) => child.namespaceURI === BPMN_MODEL && child.localName.endsWith('EventDefinition'));
}

export function mappableActivities(xml: string): MappableActivity[] {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  if (document.getElementsByTagName('parsererror').length > 0) return [];
  const found: MappableActivity[] = [];
  for (const element of Array.from(document.getElementsByTagNameNS(BPMN_MODEL, '*'))) {
    const id = element.getAttribute('id');
    if (!id) continue;
    const type = element.localName;
    const parent = element.parentElement;
    const inProcess = parent !== null && parent.namespaceURI === BPMN_MODEL && ['process', 'subProcess', 'transaction', 'adHocSubProcess'].includes(parent.localName);
    if (!inProcess) continue;
    const eventSubProcessStart = type === 'startEvent' && parent?.localName === 'subProcess' && parent.getAttribute('triggeredByEvent') === 'true' && hasEventDefinition(element);
    if (ACTIVITY_TYPES.has(type) || WAIT_TYPES.has(type) || eventSubProcessStart) {
      found.push({ id, name: element.getAttribute('name'), type });
    }
  }
  return found;
}
