/** Minimal diagrams for runtime tests: one external task, optionally with a boundary error. */
export function externalTaskProcess(options: { processKey: string; topic: string; errorCode?: string; retryCycle?: string }): string {
  const boundary = options.errorCode
    ? `<bpmn:boundaryEvent id="Caught" attachedToRef="Work"><bpmn:outgoing>ToCaughtEnd</bpmn:outgoing><bpmn:errorEventDefinition errorRef="BusinessFailure" /></bpmn:boundaryEvent>
       <bpmn:endEvent id="CaughtEnd"><bpmn:incoming>ToCaughtEnd</bpmn:incoming></bpmn:endEvent>
       <bpmn:sequenceFlow id="ToCaughtEnd" sourceRef="Caught" targetRef="CaughtEnd" />`
    : '';
  const error = options.errorCode ? `<bpmn:error id="BusinessFailure" errorCode="${options.errorCode}" />` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="https://sunshine.example.org/test">
  ${error}
  <bpmn:process id="${options.processKey}" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="Start"><bpmn:outgoing>ToWork</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="Work" camunda:type="external" camunda:topic="${options.topic}"><bpmn:incoming>ToWork</bpmn:incoming><bpmn:outgoing>ToEnd</bpmn:outgoing></bpmn:serviceTask>
    ${boundary}
    <bpmn:endEvent id="End"><bpmn:incoming>ToEnd</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="ToWork" sourceRef="Start" targetRef="Work" />
    <bpmn:sequenceFlow id="ToEnd" sourceRef="Work" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;
}
