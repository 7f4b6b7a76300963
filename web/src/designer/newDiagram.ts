/**
 * Starting points: a minimal executable procedure that already passes the project's
 * process-level rules (history time to live, version tag), and a minimal decision table.
 */

/** BPMN process ids (process definition keys) are XML NCNames; the API checks the same. */
export const PROCESS_KEY_PATTERN = /^[A-Za-z_][\w.-]{0,254}$/;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function newProcessXml(key: string, name: string): string {
  const id = escapeXml(key);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_${id.replace(/[^\w-]/g, '_')}" targetNamespace="https://sunshine.example.org/processes">
  <bpmn:process id="${id}" name="${escapeXml(name)}" isExecutable="true" camunda:versionTag="1.0" camunda:historyTimeToLive="P180D">
    <bpmn:startEvent id="Submitted" name="申请已提交 / application submitted" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_1">
    <bpmndi:BPMNPlane id="Plane_1" bpmnElement="${id}">
      <bpmndi:BPMNShape id="Submitted_di" bpmnElement="Submitted">
        <dc:Bounds x="152" y="102" width="36" height="36" />
        <bpmndi:BPMNLabel><dc:Bounds x="120" y="145" width="100" height="27" /></bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

export function newDecisionXml(id: string, name: string): string {
  const decision = escapeXml(id);
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_${decision.replace(/[^\w-]/g, '_')}" name="${escapeXml(name)}" namespace="https://sunshine.example.org/rules">
  <decision id="${decision}" name="${escapeXml(name)}" camunda:historyTimeToLive="P180D">
    <decisionTable id="${decision}_table" hitPolicy="FIRST">
      <input id="Input_1" label="输入 / input">
        <inputExpression id="InputExpression_1" typeRef="string"><text>input</text></inputExpression>
      </input>
      <output id="Output_1" label="结果 / result" name="result" typeRef="string" />
      <rule id="Rule_1">
        <inputEntry id="InputEntry_1"><text>-</text></inputEntry>
        <outputEntry id="OutputEntry_1"><text>"default"</text></outputEntry>
      </rule>
    </decisionTable>
  </decision>
  <dmndi:DMNDI>
    <dmndi:DMNDiagram id="DMNDiagram_1">
      <dmndi:DMNShape id="DMNShape_1" dmnElementRef="${decision}">
        <dc:Bounds height="80" width="180" x="160" y="100" />
      </dmndi:DMNShape>
    </dmndi:DMNDiagram>
  </dmndi:DMNDI>
</definitions>
`;
}
