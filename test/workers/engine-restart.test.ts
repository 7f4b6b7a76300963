/**
 * The engine goes away while workers run: they back off (logged), recover when it
 * returns, and every task is still completed. A second engine node on the shared
 * database plays the restarted engine, so the run's main engine stays up for others.
 */
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { z } from 'zod';
import { EngineClient } from '../../src/engine/client.js';
import { startEngine, type RunningEngine } from '../../src/engine/launcher.js';
import { freePort } from '../../src/net/free-port.js';
import { WorkerRuntime } from '../../workers/runtime/runtime.js';
import { defineTopic, type TopicDefinition } from '../../workers/runtime/topic.js';
import { externalTaskProcess } from '../support/bpmn.js';
import { engineClient, eventually, testEnvironment, unique } from '../support/environment.js';
import { captureLogger } from '../support/logs.js';

const env = testEnvironment();
const shared = engineClient();
const topic = `test.restart.${unique('t')}`;
const processKey = `proc-${topic.replace(/\./g, '-')}`;
const handled = new Set<string>();
let node: RunningEngine | undefined;
let runtime: WorkerRuntime | undefined;

async function startNode(port: number, label: string): Promise<RunningEngine> {
  return startEngine({
    port,
    databaseUrl: env.engineDatabaseUrl,
    restUser: env.engineUser,
    restPassword: env.enginePassword,
    adminUser: env.engineAdminUser,
    adminPassword: env.engineAdminPassword,
    javaOpts: ['-Xmx512m'],
    logFile: path.join(env.dir, `engine-${label}.log`),
  });
}

afterAll(async () => {
  await runtime?.stop();
  await node?.stop();
});

it('backs off while the engine is down and recovers without losing tasks', async () => {
  const port = await freePort();
  node = await startNode(port, 'node-b-1');
  const logs = captureLogger();
  const definition = defineTopic({
    topic,
    department: 'test',
    description: { zh: '重启', en: 'restart' },
    input: z.object({ n: z.number() }),
    output: z.object({ done: z.boolean() }),
    // Short locks: a completion that could not be reported in the outage's wake is
    // redelivered soon, and then completed; that, too, is "nothing lost".
    lockDurationMs: 10_000,
    async handler(_input, context) {
      handled.add(context.processInstanceId);
      return { done: true };
    },
  }) as TopicDefinition;
  runtime = new WorkerRuntime([definition], {
    engineUrl: node.restUrl,
    user: env.engineUser,
    password: env.enginePassword,
    logger: logs.logger,
    longPollMs: 2_000,
    backoff: { initialMs: 200, maxMs: 2_000 },
  });
  runtime.start();

  await shared.deploy({ name: processKey, files: [{ name: `${processKey}.bpmn`, content: externalTaskProcess({ processKey, topic }) }] });
  const before = await shared.startProcess(processKey, { variables: { n: 1 } });
  await eventually(async () => handled.has(before.id), 20_000, 'the first task before the outage');

  await node.stop();
  // Tasks created during the outage (through the other node) wait in the shared database.
  const during = await Promise.all([2, 3, 4].map((n) => shared.startProcess(processKey, { variables: { n } })));
  await eventually(async () => logs.lines.filter((line) => typeof line.retryInMs === 'number').length >= 3, 20_000, 'backoff log lines');
  const delays = logs.lines.filter((line) => typeof line.retryInMs === 'number').map((line) => Number(line.retryInMs));
  expect(Math.max(...delays)).toBeGreaterThan(Math.min(...delays));
  expect(handled.size).toBe(1);

  node = await startNode(port, 'node-b-2');
  await eventually(async () => during.every((instance) => handled.has(instance.id)), 30_000, 'tasks created during the outage');
  expect(logs.messages()).toContain('流程引擎已恢复 / engine reachable again, polling resumed');
  for (const instance of [before, ...during]) {
    await eventually(async () => (await shared.historicProcessInstance(instance.id)).state === 'COMPLETED', 30_000, `completion of ${instance.id}`);
  }
  // The recovered node is a full member of the cluster: it answers with the same data.
  const viaNode = new EngineClient({ baseUrl: node.restUrl, user: env.engineUser, password: env.enginePassword });
  expect((await viaNode.historicProcessInstance(before.id)).state).toBe('COMPLETED');
}, 180_000);
