/**
 * External-task benchmark, one engine, one run:
 *   (a) baseline: bare camunda-external-task-client-js handlers that complete at once;
 *   (b) the Sunshine worker runtime doing the same.
 * Both poll with the same settings. Throughput: N tasks created up front, time until
 * the engine has none left. Pickup latency: an idle, long-polling worker; time from
 * the start request of an instance to its handler starting.
 */
import os from 'node:os';
import { BasicAuthInterceptor, Client, type Task, type TaskService } from 'camunda-external-task-client-js';
import pino from 'pino';
import { z } from 'zod';
import { EngineClient } from '../src/engine/client.js';
import { startEphemeralStack, type EphemeralStack } from '../src/system/ephemeral.js';
import { WorkerRuntime } from '../workers/runtime/runtime.js';
import { defineTopic, type TopicDefinition } from '../workers/runtime/topic.js';
import { externalTaskProcess } from '../test/support/bpmn.js';
import { percentile } from './stats.js';

const TASKS = Number(process.env.BENCH_TASKS ?? 2000);
const PICKUP_SAMPLES = Number(process.env.BENCH_PICKUP_SAMPLES ?? 200);
const MAX_PARALLEL = 32;
const LONG_POLL_MS = 10_000;
const POLL_INTERVAL_MS = 10;

interface Worker {
  stop(): Promise<unknown>;
}

/** Calls onStart(seq) when a handler starts, then completes the task at once. */
type WorkerFactory = (stack: EphemeralStack, topic: string, onStart: (seq: number) => void) => Worker;

const bareClient: WorkerFactory = (stack, topic, onStart) => {
  const client = new Client({
    baseUrl: stack.engineRestUrl,
    interceptors: [new BasicAuthInterceptor({ username: stack.engineUser, password: stack.enginePassword })],
    maxTasks: MAX_PARALLEL,
    maxParallelExecutions: MAX_PARALLEL,
    asyncResponseTimeout: LONG_POLL_MS,
    interval: POLL_INTERVAL_MS,
    autoPoll: false,
  });
  client.subscribe(topic, { lockDuration: 60_000, variables: ['seq'] }, async ({ task, taskService }: { task: Task; taskService: TaskService }) => {
    onStart(task.variables.get('seq') as number);
    await taskService.complete(task);
  });
  client.start();
  return { stop: async () => client.stop() };
};

const sunshineRuntime: WorkerFactory = (stack, topic, onStart) => {
  const definition = defineTopic({
    topic,
    department: 'bench',
    description: { zh: '基准', en: 'benchmark' },
    input: z.object({ seq: z.number() }),
    output: z.object({}),
    async handler(input) {
      onStart(input.seq);
      return {};
    },
  }) as TopicDefinition;
  const runtime = new WorkerRuntime([definition], {
    engineUrl: stack.engineRestUrl,
    user: stack.engineUser,
    password: stack.enginePassword,
    logger: pino({ level: 'warn' }),
    maxParallel: MAX_PARALLEL,
    longPollMs: LONG_POLL_MS,
    pollIntervalMs: POLL_INTERVAL_MS,
  });
  runtime.start();
  return runtime;
};

async function openTasks(engine: EngineClient, topic: string): Promise<number> {
  return engine.externalTaskCount({ topicName: topic });
}

async function startMany(engine: EngineClient, key: string, count: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < count) {
        const seq = next++;
        await engine.startProcess(key, { variables: { seq } });
      }
    }),
  );
}

async function measure(stack: EphemeralStack, engine: EngineClient, label: string, factory: WorkerFactory, tasks: number, samples: number) {
  const topic = `bench.${label}.${Date.now()}`;
  const key = `bench-${label}-${Date.now()}`;
  await engine.deploy({ name: key, files: [{ name: `${key}.bpmn`, content: externalTaskProcess({ processKey: key, topic }) }] });

  // Throughput: the backlog is created first, then the worker drains it.
  await startMany(engine, key, tasks);
  const began = performance.now();
  const worker = factory(stack, topic, () => {});
  while ((await openTasks(engine, topic)) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  const seconds = (performance.now() - began) / 1000;
  await worker.stop();

  // Pickup latency: the worker waits in a long poll; instances arrive one by one.
  const pickupTopic = `${topic}.pickup`;
  const pickupKey = `${key}-pickup`;
  await engine.deploy({ name: pickupKey, files: [{ name: `${pickupKey}.bpmn`, content: externalTaskProcess({ processKey: pickupKey, topic: pickupTopic }) }] });
  const startedAt = new Map<number, number>();
  const latencies: number[] = [];
  let notify: (() => void) | undefined;
  const idle = factory(stack, pickupTopic, (seq) => {
    latencies.push(performance.now() - startedAt.get(seq)!);
    notify?.();
  });
  await new Promise((resolve) => setTimeout(resolve, 500)); // let the first long poll open
  for (let seq = 0; seq < samples; seq += 1) {
    const picked = new Promise<void>((resolve) => (notify = resolve));
    startedAt.set(seq, performance.now());
    await engine.startProcess(pickupKey, { variables: { seq } });
    await picked;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await idle.stop();

  return {
    tasks,
    seconds: Number(seconds.toFixed(3)),
    throughputPerSecond: Number((tasks / seconds).toFixed(1)),
    pickupMs: {
      samples,
      p50: Number(percentile(latencies, 50).toFixed(2)),
      p99: Number(percentile(latencies, 99).toFixed(2)),
    },
  };
}

export async function externalTasksBenchmark(): Promise<Record<string, unknown>> {
  const stack = await startEphemeralStack({ javaOpts: ['-Xmx1g'], log: (message) => process.stderr.write(`${message}\n`) });
  try {
    const engine = new EngineClient({ baseUrl: stack.engineRestUrl, user: stack.engineUser, password: stack.enginePassword });
    process.stderr.write('warming up the engine…\n');
    await measure(stack, engine, 'warmup', bareClient, Math.min(500, TASKS), 20);
    await measure(stack, engine, 'warmup2', sunshineRuntime, Math.min(500, TASKS), 20);
    process.stderr.write('measuring baseline and runtime…\n');
    const baseline = await measure(stack, engine, 'baseline', bareClient, TASKS, PICKUP_SAMPLES);
    const runtime = await measure(stack, engine, 'runtime', sunshineRuntime, TASKS, PICKUP_SAMPLES);
    const throughputRatio = Number((runtime.throughputPerSecond / baseline.throughputPerSecond).toFixed(3));
    return {
      benchmark: 'external-tasks',
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.release()}` },
      settings: { tasks: TASKS, pickupSamples: PICKUP_SAMPLES, maxParallel: MAX_PARALLEL, longPollMs: LONG_POLL_MS, pollIntervalMs: POLL_INTERVAL_MS },
      baseline: { what: 'bare camunda-external-task-client-js 3.1.0', ...baseline },
      runtime: { what: 'Sunshine WorkerRuntime', ...runtime },
      ratios: {
        throughput: throughputRatio,
        pickupP50: Number((runtime.pickupMs.p50 / baseline.pickupMs.p50).toFixed(3)),
        pickupP99: Number((runtime.pickupMs.p99 / baseline.pickupMs.p99).toFixed(3)),
      },
      targets: {
        'throughput >= 0.9 x baseline': throughputRatio >= 0.9,
        'pickup p50 <= 50 ms': runtime.pickupMs.p50 <= 50,
      },
    };
  } finally {
    await stack.stop();
  }
}
