import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BusinessError, defineTopic, type TopicDefinition } from '../../workers/runtime/topic.js';
import { WorkerRuntime } from '../../workers/runtime/runtime.js';
import { externalTaskProcess } from '../support/bpmn.js';
import { engineClient, eventually, testEnvironment, unique } from '../support/environment.js';
import { captureLogger } from '../support/logs.js';

const engine = engineClient();
const suffix = unique('rt');
const topics = {
  ok: `test.ok.${suffix}`,
  business: `test.business.${suffix}`,
  failing: `test.failing.${suffix}`,
  typed: `test.typed.${suffix}`,
};
const calls: Record<string, number> = { failing: 0 };
const logs = captureLogger();

const definitions: TopicDefinition[] = [
  defineTopic({
    topic: topics.ok,
    department: 'test',
    description: { zh: '成功', en: 'succeeds' },
    input: z.object({ amount: z.number() }),
    output: z.object({ doubled: z.number(), tags: z.array(z.string()) }),
    async handler(input) {
      return { doubled: input.amount * 2, tags: ['a', 'b'] };
    },
  }),
  defineTopic({
    topic: topics.business,
    department: 'test',
    description: { zh: '业务错误', en: 'business error' },
    input: z.object({}),
    output: z.object({}),
    async handler() {
      throw new BusinessError('MATERIALS_INCOMPLETE', 'missing id card', { missing: ['id-card'] });
    },
  }),
  defineTopic({
    topic: topics.failing,
    department: 'test',
    description: { zh: '总是失败', en: 'always fails' },
    input: z.object({}),
    output: z.object({}),
    retry: { retries: 2, initialTimeoutMs: 200, maxTimeoutMs: 1_000 },
    async handler() {
      calls.failing! += 1;
      throw new Error(`database of the land registry is down (attempt ${calls.failing})`);
    },
  }),
  defineTopic({
    topic: topics.typed,
    department: 'test',
    description: { zh: '输入校验', en: 'input validation' },
    input: z.object({ applicant: z.string().min(1) }),
    output: z.object({}),
    async handler() {
      return {};
    },
  }),
] as TopicDefinition[];

let runtime: WorkerRuntime;

async function deployAndStart(topic: string, options: { errorCode?: string; variables?: Record<string, unknown> } = {}) {
  const processKey = `proc-${topic.replace(/\./g, '-')}`;
  await engine.deploy({ name: processKey, files: [{ name: `${processKey}.bpmn`, content: externalTaskProcess({ processKey, topic, errorCode: options.errorCode }) }] });
  return engine.startProcess(processKey, { businessKey: unique('BK'), variables: options.variables });
}

beforeAll(() => {
  const env = testEnvironment();
  runtime = new WorkerRuntime(definitions, {
    engineUrl: env.engineRestUrl,
    user: env.engineUser,
    password: env.enginePassword,
    logger: logs.logger,
    longPollMs: 5_000,
  });
  runtime.start();
});

afterAll(async () => {
  await runtime.stop();
});

describe('worker runtime against the real engine', () => {
  it('completes a task with typed input and output variables', async () => {
    const instance = await deployAndStart(topics.ok, { variables: { amount: 21 } });
    const history = await eventually(async () => {
      const historic = await engine.historicProcessInstance(instance.id);
      return historic.state === 'COMPLETED' && historic;
    });
    expect(history.state).toBe('COMPLETED');
    const activities = await engine.historicActivityInstances(instance.id);
    expect(activities.map((activity) => activity.activityId)).toEqual(['Start', 'Work', 'End']);
    const completion = logs.lines.find((line) => line.topic === topics.ok && line.msg === 'task completed');
    expect(completion).toMatchObject({ businessKey: instance.businessKey, processInstanceId: instance.id });
    expect(completion?.taskId).toEqual(expect.any(String));
  });

  it('turns a BusinessError into a BPMN error caught by the boundary event', async () => {
    const instance = await deployAndStart(topics.business, { errorCode: 'MATERIALS_INCOMPLETE' });
    await eventually(async () => (await engine.historicProcessInstance(instance.id)).state === 'COMPLETED');
    const ids = (await engine.historicActivityInstances(instance.id)).map((activity) => activity.activityId);
    expect(ids).toContain('Caught');
    expect(ids).toContain('CaughtEnd');
    expect(ids).not.toContain('End');
  });

  it('retries a failing handler with decreasing retries, then raises an incident', async () => {
    const instance = await deployAndStart(topics.failing);
    const [incident] = await eventually(async () => {
      const incidents = await engine.incidents({ processInstanceId: instance.id });
      return incidents.length > 0 && incidents;
    }, 20_000, 'an incident');
    expect(incident!.incidentType).toBe('failedExternalTask');
    expect(incident!.incidentMessage).toContain('land registry is down (attempt 3)');
    expect(calls.failing).toBe(3); // first attempt + 2 retries
    const retries = logs.lines.filter((line) => line.topic === topics.failing && typeof line.retries === 'number').map((line) => line.retries);
    expect(retries).toEqual([2, 1]);
    expect(logs.messages()).toContain('重试用尽，已创建事件 / no retries left, incident raised');
    const [task] = await engine.externalTasks({ processInstanceId: instance.id });
    expect(task!.retries).toBe(0);
  });

  it('raises an incident at once when input variables do not match the schema', async () => {
    const instance = await deployAndStart(topics.typed, { variables: { applicant: '' } });
    const [incident] = await eventually(async () => {
      const incidents = await engine.incidents({ processInstanceId: instance.id });
      return incidents.length > 0 && incidents;
    });
    expect(incident!.incidentMessage).toMatch(/invalid input variables/);
    expect(incident!.incidentMessage).toMatch(/applicant/);
  });
});
