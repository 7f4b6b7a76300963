/**
 * Timer benchmark: how late does the engine fire a due timer (fired − due)?
 *   (a) project: the job executor as configured in engine/src/main/resources/application.yaml;
 *   (b) baseline: Camunda 7's default job-executor settings, passed as Spring arguments.
 * One embedded PostgreSQL, one fresh database per engine (an engine's job executor must
 * never fire the other's timers), engines run one after the other so they do not compete
 * for the CPUs. N instances each wait on an intermediate timer `timeDate="${due}"` with
 * dues spread over a window; lateness = endTime of the timer activity (history) − due.
 * Ratios are project ÷ baseline (lower is better).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { toShanghaiIso } from '../src/calendar/shanghai.js';
import { ensureDatabase, startEmbeddedPostgres } from '../src/database/server.js';
import { EngineClient } from '../src/engine/client.js';
import { buildEngineIfChanged, ENGINE_DIR, startEngine } from '../src/engine/launcher.js';
import { freePort } from '../src/net/free-port.js';
import { percentile } from './stats.js';

const TIMERS = Number(process.env.BENCH_TIMERS ?? 300);
const WINDOW_S = Number(process.env.BENCH_TIMER_WINDOW_S ?? 60);
/** The first timer is due this long after creation starts, so none is due before it exists. */
const LEAD_S = 10;
const PARALLEL_STARTS = 8;
const PROCESS_KEY = 'bench-timer';

// Camunda 7.24 defaults (org.camunda.bpm.engine.impl.jobexecutor.JobExecutor field
// initialisers; the Spring Boot starter leaves these unset, so the engine's apply).
const BASELINE_ARGS = [
  '--camunda.bpm.job-execution.wait-time-in-millis=5000',
  '--camunda.bpm.job-execution.max-wait=60000',
  '--camunda.bpm.job-execution.backoff-time-in-millis=0',
];

const log = (message: string) => process.stderr.write(`${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const timerProcess = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="https://sunshine.example.org/bench">
  <bpmn:process id="${PROCESS_KEY}" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="Start"><bpmn:outgoing>ToTimer</bpmn:outgoing></bpmn:startEvent>
    <bpmn:intermediateCatchEvent id="Timer"><bpmn:incoming>ToTimer</bpmn:incoming><bpmn:outgoing>ToEnd</bpmn:outgoing>
      <bpmn:timerEventDefinition><bpmn:timeDate>\${due}</bpmn:timeDate></bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="End"><bpmn:incoming>ToEnd</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="ToTimer" sourceRef="Start" targetRef="Timer" />
    <bpmn:sequenceFlow id="ToEnd" sourceRef="Timer" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;

/** Epoch ms → ISO-8601 in Asia/Shanghai, as deadlines are written. */
const shanghaiIso = (ms: number) => toShanghaiIso(new Date(ms));

/** The job-execution values of application.yaml, read rather than copied so the report cannot drift. */
function projectSettings(): Record<string, number> {
  const yaml = fs.readFileSync(path.join(ENGINE_DIR, 'src/main/resources/application.yaml'), 'utf8');
  const value = (key: string) => Number(new RegExp(`^\\s+${key}:\\s*(\\d+)`, 'm').exec(yaml)?.[1]);
  return Object.fromEntries(['wait-time-in-millis', 'max-wait', 'backoff-time-in-millis'].map((key) => [key, value(key)]));
}

interface Stack {
  adminUrl: string;
  dir: string;
}

async function measure(stack: Stack, database: string, springArgs: string[]) {
  await ensureDatabase(stack.adminUrl, database);
  const user = 'bench';
  const password = randomBytes(12).toString('base64url');
  const engine = await startEngine({
    port: await freePort(),
    databaseUrl: stack.adminUrl.replace(/\/postgres$/, `/${database}`),
    restUser: user,
    restPassword: password,
    adminUser: 'operator',
    adminPassword: randomBytes(12).toString('base64url'),
    javaOpts: ['-Xmx768m'],
    springArgs,
    logFile: path.join(stack.dir, `${database}.log`),
  });
  try {
    const client = new EngineClient({ baseUrl: engine.restUrl, user, password });
    await client.deploy({ name: PROCESS_KEY, files: [{ name: `${PROCESS_KEY}.bpmn`, content: timerProcess }] });

    // Whole-second dues, spread evenly; created in due order, so the earliest exist first.
    const first = Math.ceil(Date.now() / 1000) * 1000 + LEAD_S * 1000;
    const dues = Array.from({ length: TIMERS }, (_, i) => first + Math.floor((i * WINDOW_S) / TIMERS) * 1000);
    const dueOf = new Map<string, number>();
    let next = 0;
    let createdLate = 0;
    await Promise.all(
      Array.from({ length: PARALLEL_STARTS }, async () => {
        while (next < TIMERS) {
          const due = dues[next++]!;
          const instance = await client.startProcess(PROCESS_KEY, { variables: { due: shanghaiIso(due) } });
          if (Date.now() >= due) createdLate += 1;
          dueOf.set(instance.id, due);
        }
      }),
    );
    if (createdLate > 0) log(`warning: ${createdLate} timers were created after their due instant; raise LEAD_S`);
    log(`${TIMERS} timers created; the last is due at ${shanghaiIso(dues.at(-1)!)}, waiting…`);

    // Wait for every instance to end, with room for the default executor's 60 s back-off.
    const deadline = dues.at(-1)! + 180_000;
    while ((await client.processInstances({ processDefinitionKey: PROCESS_KEY })).length > 0 && Date.now() < deadline) await sleep(1000);

    // One history query for all timer activities of this engine's database.
    const response = await fetch(`${engine.restUrl}/history/activity-instance?maxResults=${TIMERS + 10}`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ activityId: 'Timer', finished: true }),
    });
    if (!response.ok) throw new Error(`history query failed: ${response.status} ${await response.text()}`);
    const activities = (await response.json()) as { processInstanceId: string; endTime: string }[];
    const lateness = activities.map((activity) => Date.parse(activity.endTime) - dueOf.get(activity.processInstanceId)!);
    return {
      latenessMs: { p50: percentile(lateness, 50), p99: percentile(lateness, 99), max: Math.max(...lateness) },
      fired: lateness.length,
      ...(createdLate > 0 ? { createdAfterDue: createdLate } : {}),
    };
  } finally {
    await engine.stop();
  }
}

export async function timersBenchmark(): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-bench-timers-'));
  // The embedded server runs as the 'postgres' system user when we are root.
  fs.chmodSync(dir, 0o755);
  try {
    await buildEngineIfChanged(log);
    const postgres = await startEmbeddedPostgres({ dir: path.join(dir, 'postgres'), port: await freePort(), password: randomBytes(12).toString('base64url') });
    try {
      const stack = { adminUrl: postgres.adminUrl, dir };
      log('measuring the project configuration…');
      const project = await measure(stack, 'engine_project', []);
      log('measuring the Camunda defaults (baseline)…');
      const baseline = await measure(stack, 'engine_baseline', BASELINE_ARGS);
      return {
        benchmark: 'timers',
        date: new Date().toISOString(),
        machine: { cpus: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.release()}` },
        settings: { timers: TIMERS, windowSeconds: WINDOW_S, leadSeconds: LEAD_S, dueResolution: 'whole seconds' },
        project: { settings: { source: 'engine/src/main/resources/application.yaml', ...projectSettings() }, ...project },
        baseline: {
          settings: { source: 'Camunda 7.24 JobExecutor defaults, as Spring arguments', springArgs: BASELINE_ARGS },
          ...baseline,
        },
        ratios: {
          p50: Number((project.latenessMs.p50 / baseline.latenessMs.p50).toFixed(3)),
          p99: Number((project.latenessMs.p99 / baseline.latenessMs.p99).toFixed(3)),
        },
        targets: { 'project p99 <= 5000 ms': project.fired === TIMERS && project.latenessMs.p99 <= 5000 },
      };
    } finally {
      await postgres.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
