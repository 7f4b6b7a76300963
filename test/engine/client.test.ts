/** The typed engine client against the real engine: errors, timers, migration. */
import { describe, expect, it } from 'vitest';
import { EngineClient } from '../../src/engine/client.js';
import { DeploymentParseError, EngineAuthError, EngineNotFoundError, EngineUnavailableError } from '../../src/engine/errors.js';
import { freePort } from '../../src/net/free-port.js';
import { engineClient, testEnvironment, unique } from '../support/environment.js';

const engine = engineClient();

function timerProcess(key: string, version: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
  <bpmn:process id="${key}" name="${version}" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Review" camunda:candidateGroups="demo" camunda:dueDate="\${deadline}"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:userTask>
    <bpmn:boundaryEvent id="Warn" cancelActivity="false" attachedToRef="Review"><bpmn:timerEventDefinition><bpmn:timeDate>\${deadline}</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:boundaryEvent>
    <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review" />
    <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;
}

describe('engine client', () => {
  it('reports malformed XML with resource, line and column', async () => {
    const broken = `<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">\n  <bpmn:process id="p" isExecutable="true">\n    <bpmn:startEvent id="Start">\n  </bpmn:process>\n</bpmn:definitions>`;
    const error = await engine.deploy({ name: 'broken', files: [{ name: 'broken.bpmn', content: broken }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeploymentParseError);
    const [problem] = (error as DeploymentParseError).errors;
    expect(problem).toMatchObject({ resource: 'broken.bpmn', line: 5 });
    expect(problem!.column).toBeGreaterThan(0);
  });

  it('reports semantic errors with the element ids', async () => {
    const key = unique('semantic');
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
  <bpmn:process id="${key}" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="NoTopic" camunda:type="external"><bpmn:incoming>F1</bpmn:incoming></bpmn:serviceTask>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="NoTopic" />
  </bpmn:process>
</bpmn:definitions>`;
    const error = (await engine.deploy({ name: key, files: [{ name: 'semantic.bpmn', content: xml }] }).catch((e: unknown) => e)) as DeploymentParseError;
    expect(error).toBeInstanceOf(DeploymentParseError);
    expect(error.errors.some((problem) => problem.elementIds.includes('NoTopic') && problem.line !== undefined)).toBe(true);
  });

  it('distinguishes wrong credentials, unknown objects and an unreachable engine', async () => {
    const env = testEnvironment();
    const wrong = new EngineClient({ baseUrl: env.engineRestUrl, user: env.engineUser, password: 'not-the-password' });
    await expect(wrong.version()).rejects.toBeInstanceOf(EngineAuthError);
    await expect(engine.task('00000000-0000-0000-0000-000000000000')).rejects.toBeInstanceOf(EngineNotFoundError);
    const nowhere = new EngineClient({ baseUrl: `http://127.0.0.1:${await freePort()}/engine-rest`, user: 'a', password: 'b' });
    await expect(nowhere.version()).rejects.toBeInstanceOf(EngineUnavailableError);
  });

  it('moves a timer job and migrates a running instance to a new version', async () => {
    const key = unique('timer');
    await engine.deploy({ name: key, files: [{ name: `${key}.bpmn`, content: timerProcess(key, 'v1') }] });
    const instance = await engine.startProcess(key, { variables: { deadline: '2027-01-04T23:59:59+08:00' } });
    const [job] = await engine.jobs({ processInstanceId: instance.id, timers: true });
    expect(Date.parse(job!.dueDate!)).toBe(Date.parse('2027-01-04T23:59:59+08:00'));
    await engine.setJobDueDate(job!.id, '2027-01-08T23:59:59+08:00');
    const [moved] = await engine.jobs({ processInstanceId: instance.id, timers: true });
    expect(Date.parse(moved!.dueDate!)).toBe(Date.parse('2027-01-08T23:59:59+08:00'));

    await engine.deploy({ name: key, files: [{ name: `${key}.bpmn`, content: timerProcess(key, 'v2') }] });
    const definitions = await engine.processDefinitions({ key });
    const v1 = definitions.find((definition) => definition.version === 1)!;
    const v2 = definitions.find((definition) => definition.version === 2)!;
    const plan = await engine.generateMigrationPlan(v1.id, v2.id, false);
    await engine.executeMigration(plan, [instance.id]);
    const [migrated] = await engine.processInstances({ processInstanceIds: [instance.id] });
    expect(migrated!.definitionId).toBe(v2.id);
    const [task] = await engine.tasks({ processInstanceId: instance.id });
    expect(task!.taskDefinitionKey).toBe('Review');
  });
});
