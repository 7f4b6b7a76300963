/** SIGTERM: stop fetching at once, let the running handler finish, exit. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { expect, it } from 'vitest';
import { externalTaskProcess } from '../support/bpmn.js';
import { engineClient, eventually, testEnvironment, unique } from '../support/environment.js';

const env = testEnvironment();
const engine = engineClient();

it('drains the running handler on SIGTERM and fetches nothing new', async () => {
  const topic = `test.drain.${unique('t')}`;
  const processKey = `proc-${topic.replace(/\./g, '-')}`;
  await engine.deploy({ name: processKey, files: [{ name: `${processKey}.bpmn`, content: externalTaskProcess({ processKey, topic }) }] });

  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/fixtures/slow-worker.ts')], {
    env: {
      ...process.env,
      TEST_TOPIC: topic,
      TEST_HANDLER_MS: '3000',
      TEST_ENGINE_URL: env.engineRestUrl,
      TEST_ENGINE_USER: env.engineUser,
      TEST_ENGINE_PASSWORD: env.enginePassword,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const events: { event: string; [key: string]: unknown }[] = [];
  readline.createInterface({ input: child.stdout! }).on('line', (line) => events.push(JSON.parse(line)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));

  await eventually(async () => events.some((e) => e.event === 'ready'), 20_000, 'worker ready');
  const first = await engine.startProcess(processKey);
  await eventually(async () => events.some((e) => e.event === 'started'), 20_000, 'handler start');

  child.kill('SIGTERM');
  await eventually(async () => events.some((e) => e.event === 'sigterm'), 5_000, 'signal received');
  const second = await engine.startProcess(processKey);

  expect(await exited).toBe(0);
  const order = events.map((e) => e.event);
  expect(order.indexOf('finished')).toBeGreaterThan(order.indexOf('sigterm'));
  expect(events.find((e) => e.event === 'stopped')).toMatchObject({ drained: true, abandoned: 0 });
  expect(events.filter((e) => e.event === 'started')).toHaveLength(1);

  // The running task was completed; the one created after SIGTERM was never fetched.
  expect((await engine.historicProcessInstance(first.id)).state).toBe('COMPLETED');
  const [waiting] = await engine.externalTasks({ processInstanceId: second.id });
  expect(waiting!.workerId).toBeNull();
  expect(waiting!.lockExpirationTime).toBeNull();
}, 60_000);
