/**
 * Diagrams for the designer tests: lint-clean by default, with a unique process key. A
 * started case waits at the user task first, so workers of other test files never touch it.
 */
export function reviewProcess(options: { key: string; versionTag?: string; name?: string; topic?: string; extraTask?: string; boundaryTimer?: boolean }): string {
  const topic = options.topic ?? 'demo.check-materials';
  const timer = options.boundaryTimer
    ? `<bpmn:boundaryEvent id="ReviewRed" name="环节红牌" cancelActivity="false" attachedToRef="Review"><bpmn:outgoing>ToLate</bpmn:outgoing><bpmn:timerEventDefinition id="ReviewRedTimer"><bpmn:timeDate>\${step_Review_deadline}</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:boundaryEvent>
    <bpmn:endEvent id="Late" name="超期"><bpmn:incoming>ToLate</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="ToLate" sourceRef="ReviewRed" targetRef="Late" />`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="https://sunshine.example.org/test">
  <bpmn:process id="${options.key}" name="${options.name ?? '设计器测试 / designer test'}" isExecutable="true" camunda:historyTimeToLive="P1D" camunda:versionTag="${options.versionTag ?? '1.0'}">
    <bpmn:startEvent id="Start" name="受理"><bpmn:outgoing>ToReview</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Review" name="审查" camunda:candidateGroups="demo" camunda:dueDate="\${step_Review_deadline}"><bpmn:incoming>ToReview</bpmn:incoming><bpmn:outgoing>ToCheck</bpmn:outgoing></bpmn:userTask>
    <bpmn:serviceTask id="Check" name="出具文书" camunda:type="external" camunda:topic="${topic}"><bpmn:incoming>ToCheck</bpmn:incoming><bpmn:outgoing>ToEnd</bpmn:outgoing></bpmn:serviceTask>
    ${timer}
    ${options.extraTask ?? ''}
    <bpmn:endEvent id="End" name="办结"><bpmn:incoming>ToEnd</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="ToReview" sourceRef="Start" targetRef="Review" />
    <bpmn:sequenceFlow id="ToCheck" sourceRef="Review" targetRef="Check" />
    <bpmn:sequenceFlow id="ToEnd" sourceRef="Check" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;
}
