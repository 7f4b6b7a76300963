/**
 * Inbox benchmark, one engine, one run, 10,000 open user tasks over 10 departments:
 *   (a) baseline: the bare engine task query a careful integration would send for the
 *       same page — `POST /task?firstResult=0&maxResults=20` (candidate group, assigned
 *       tasks included, by due date) together with `POST /task/count` — timed by the caller;
 *   (b) `GET /api/inbox?page=1&pageSize=20` through the Sunshine API (app.inject): session
 *       lookup, access check, the engine query with the unclaimed-or-mine or-query, its
 *       count, and the page's enrichment from the API database; plus one filtered variant
 *       (`status=yellow`); also a search (`q=` applicant fragment).
 * Requests are interleaved (baseline, inbox, filtered) and rotate over the departments,
 * each department through its own logged-in reviewer. Ratios are runtime ÷ baseline.
 */
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { shippedHolidayYears } from '../src/calendar/shipped.js';
import { toShanghaiIso } from '../src/calendar/shanghai.js';
import { loadConfig } from '../src/config/config.js';
import { applyMigrations, pendingMigrations } from '../src/database/migrate.js';
import { createPrismaClient, type Database } from '../src/database/prisma.js';
import { ensureDatabase } from '../src/database/server.js';
import { EngineClient, type TaskQuery } from '../src/engine/client.js';
import { demoUsers, ensureAdministrator, seedDemo } from '../src/identity/seed.js';
import { startEphemeralStack, type EphemeralStack } from '../src/system/ephemeral.js';
import { percentile } from './stats.js';

const DEPARTMENT_COUNT = 10;
const TASKS = Number(process.env.BENCH_INBOX_TASKS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_INBOX_REQUESTS ?? 300);
const WARMUP = Number(process.env.BENCH_INBOX_WARMUP ?? 20);
const PAGE_SIZE = 20;
const PARALLEL_STARTS = 8;
const INSERT_BATCH = 1000;
/** Dues spread evenly over this window from now; the yellow warning comes this long before. */
const DUE_WINDOW_MS = 28 * 86_400_000;
const YELLOW_BEFORE_MS = 2 * 86_400_000;
const PROCESS_KEY = 'bench-inbox';
const API_DATABASE = 'sunshine_bench';
const ADMIN = { user: 'admin', password: randomBytes(12).toString('base64url') };
const DEMO_PASSWORD = randomBytes(12).toString('base64url');

const log = (message: string) => process.stderr.write(`${message}\n`);

const inboxProcess = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="https://sunshine.example.org/bench">
  <bpmn:process id="${PROCESS_KEY}" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="Start"><bpmn:outgoing>ToReview</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Review" name="部门审查 / department review" camunda:candidateGroups="\${department}" camunda:dueDate="\${due}" camunda:followUpDate="\${yellowAt}">
      <bpmn:incoming>ToReview</bpmn:incoming><bpmn:outgoing>ToEnd</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="End"><bpmn:incoming>ToEnd</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="ToReview" sourceRef="Start" targetRef="Review" />
    <bpmn:sequenceFlow id="ToEnd" sourceRef="Review" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;

/** Ten review departments of the seeded demo city, each with its `<code>-reviewer`. */
function benchDepartments(): string[] {
  const codes = demoUsers()
    .filter((user) => user.roles.includes('reviewer') && user.departmentCode && user.departmentCode !== 'demo')
    .map((user) => user.departmentCode!);
  if (codes.length < DEPARTMENT_COUNT) throw new Error(`the seed has only ${codes.length} review departments, need ${DEPARTMENT_COUNT}`);
  return codes.slice(0, DEPARTMENT_COUNT);
}

/**
 * Dues reach into years whose State Council notice may not be shipped yet; the inbox then
 * (rightly) refuses to guess. Like the tests, the bench database gets a weekends-only
 * fixture for those years.
 */
async function loadFixtureYears(database: Database): Promise<number[]> {
  const shipped = new Set(shippedHolidayYears().map((year) => year.year));
  const now = new Date().getFullYear();
  const missing = [now - 1, now, now + 1, now + 2].filter((year) => !shipped.has(year));
  await database.calendarYear.createMany({
    data: missing.map((year) => ({ year, source: 'bench fixture: weekends only (not an official notice)', daysOff: [], makeUpWorkdays: [], updatedBy: 'bench' })),
    skipDuplicates: true,
  });
  return missing;
}

interface Seeded {
  /** Open tasks per department, as created. */
  perDepartment: Map<string, number>;
  /** Part of exactly one applicant's name, in the first department. */
  applicantFragment: string;
}

async function createTasks(engine: EngineClient, database: Database, departments: string[]): Promise<Seeded> {
  await engine.deploy({ name: PROCESS_KEY, files: [{ name: `${PROCESS_KEY}.bpmn`, content: inboxProcess }] });
  const began = Date.now();
  const firstDue = Math.ceil(began / 1000) * 1000 + 3_600_000;
  const perDepartment = new Map<string, number>();
  const records: { caseId: string; businessKey: string; processKey: string; applicant: string; createdBy: string }[] = [];
  const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];
  let next = 0;
  let done = 0;
  let lastReport = Date.now();
  await Promise.all(
    Array.from({ length: PARALLEL_STARTS }, async () => {
      while (next < TASKS) {
        const seq = next++;
        const department = departments[seq % departments.length]!;
        // Each department's dues cover the whole window evenly (seq / departments is its rank).
        const rank = Math.floor(seq / departments.length);
        const perDept = Math.ceil(TASKS / departments.length);
        const due = firstDue + Math.floor((rank * DUE_WINDOW_MS) / perDept / 1000) * 1000;
        const businessKey = `BENCH-${String(seq).padStart(6, '0')}`;
        const applicant = `${surnames[seq % surnames.length]}某某建设有限公司${String(seq).padStart(5, '0')}`;
        const instance = await engine.startProcess(PROCESS_KEY, {
          businessKey,
          variables: { clockStopped: false, department, due: toShanghaiIso(new Date(due)), yellowAt: toShanghaiIso(new Date(due - YELLOW_BEFORE_MS)), applicant },
        });
        records.push({ caseId: instance.id, businessKey, processKey: PROCESS_KEY, applicant, createdBy: 'bench' });
        perDepartment.set(department, (perDepartment.get(department) ?? 0) + 1);
        done += 1;
        if (Date.now() - lastReport > 2000 || done === TASKS) {
          lastReport = Date.now();
          const rate = done / ((Date.now() - began) / 1000);
          log(`  ${done}/${TASKS} instances started (${rate.toFixed(0)}/s)`);
        }
      }
    }),
  );
  log(`inserting ${records.length} case records…`);
  for (let offset = 0; offset < records.length; offset += INSERT_BATCH) {
    await database.caseRecord.createMany({ data: records.slice(offset, offset + INSERT_BATCH) });
  }
  // Part of exactly one applicant's name (seq = departments.length, so the first department).
  return { perDepartment, applicantFragment: `建设有限公司${String(departments.length).padStart(5, '0')}` };
}

interface Session {
  department: string;
  username: string;
  cookie: string;
}

async function login(app: FastifyInstance, department: string): Promise<Session> {
  const username = `${department}-reviewer`;
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
  if (response.statusCode !== 200) throw new Error(`login of ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((candidate) => candidate.name === 'sunshine_session');
  if (!cookie) throw new Error(`login of ${username} set no session cookie`);
  return { department, username, cookie: `sunshine_session=${cookie.value}` };
}

/** What a careful integration would ask the engine for the same first page. */
function baselineQuery(department: string): TaskQuery {
  return { candidateGroups: [department], includeAssignedTasks: true, sorting: [{ sortBy: 'dueDate', sortOrder: 'asc' }] };
}

type Probe = (session: Session) => Promise<{ total: number; items: number }>;

function summary(samples: number[]) {
  const round = (value: number) => Number(value.toFixed(2));
  const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
  return {
    requests: samples.length,
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    p99: round(percentile(samples, 99)),
    max: round(Math.max(...samples)),
    mean: round(mean),
  };
}

export async function inboxBenchmark(): Promise<Record<string, unknown>> {
  const stack: EphemeralStack = await startEphemeralStack({ javaOpts: ['-Xmx1g'], log });
  let database: Database | undefined;
  let app: FastifyInstance | undefined;
  try {
    const engine = new EngineClient({ baseUrl: stack.engineRestUrl, user: stack.engineUser, password: stack.enginePassword });
    await ensureDatabase(stack.adminUrl, API_DATABASE);
    const databaseUrl = stack.databaseUrl(API_DATABASE);
    await applyMigrations(databaseUrl);
    database = createPrismaClient(databaseUrl);
    const fixtureYears = await loadFixtureYears(database);
    await ensureAdministrator(database, ADMIN);
    await seedDemo(database, DEMO_PASSWORD);
    const departments = benchDepartments();

    log(`starting ${TASKS} instances over ${departments.length} departments (${PARALLEL_STARTS} concurrent requests)…`);
    const seeded = await createTasks(engine, database, departments);

    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      SUNSHINE_ENGINE_DATABASE_URL: stack.engineDatabaseUrl,
      SUNSHINE_ENGINE_URL: stack.engineRestUrl,
      SUNSHINE_ENGINE_USER: stack.engineUser,
      SUNSHINE_ENGINE_PASSWORD: stack.enginePassword,
      SUNSHINE_ENGINE_ADMIN_USER: stack.engineAdminUser,
      SUNSHINE_ENGINE_ADMIN_PASSWORD: stack.engineAdminPassword,
      SUNSHINE_ADMIN_USER: ADMIN.user,
      SUNSHINE_ADMIN_PASSWORD: ADMIN.password,
      SUNSHINE_DATA_DIR: stack.dir,
      SUNSHINE_LOGIN_RATE_LIMIT: '100000',
    });
    const apiDatabase = database;
    app = await buildApp({
      config,
      engine,
      database: apiDatabase,
      logger: pino({ level: 'warn' }, pino.destination(2)),
      pendingMigrations: () => pendingMigrations(databaseUrl),
      serveWeb: false,
    });
    await app.ready();
    const api = app;
    const sessions: Session[] = [];
    for (const department of departments) sessions.push(await login(api, department));

    const inboxProbe =
      (query: string): Probe =>
      async (session) => {
        const response = await api.inject({ method: 'GET', url: `/api/inbox?${query}`, headers: { cookie: session.cookie } });
        if (response.statusCode !== 200) throw new Error(`GET /api/inbox?${query} as ${session.username}: ${response.statusCode} ${response.body}`);
        const body = response.json() as { total: number; items: unknown[] };
        return { total: body.total, items: body.items.length };
      };
    const searchQuery = `q=${encodeURIComponent(seeded.applicantFragment)}&page=1&pageSize=${PAGE_SIZE}`;
    const probes: Record<'baseline' | 'inbox' | 'inboxFiltered' | 'inboxSearch', Probe> = {
      baseline: async (session) => {
        const query = baselineQuery(session.department);
        const [total, tasks] = await Promise.all([engine.taskCount(query), engine.tasks(query, { firstResult: 0, maxResults: PAGE_SIZE })]);
        return { total, items: tasks.length };
      },
      inbox: inboxProbe(`page=1&pageSize=${PAGE_SIZE}`),
      inboxFiltered: inboxProbe(`status=yellow&page=1&pageSize=${PAGE_SIZE}`),
      inboxSearch: inboxProbe(searchQuery),
    };
    const names = Object.keys(probes) as (keyof typeof probes)[];

    // Sanity: every department sees its whole share, and the filter narrows it.
    const totals: Record<string, Record<string, number>> = {};
    for (const session of sessions) {
      const expected = seeded.perDepartment.get(session.department) ?? 0;
      totals[session.department] = {};
      for (const name of names) {
        const { total, items } = await probes[name](session);
        totals[session.department]![name] = total;
        if ((name === 'baseline' || name === 'inbox') && (total !== expected || items !== Math.min(PAGE_SIZE, expected))) {
          throw new Error(`${name} for ${session.department}: total ${total}, ${items} items; expected ${expected}`);
        }
      }
    }

    log(`warming up (${WARMUP} requests each)…`);
    for (let i = 0; i < WARMUP; i += 1) for (const name of names) await probes[name](sessions[i % sessions.length]!);

    log(`measuring ${REQUESTS} requests each…`);
    const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
    for (let i = 0; i < REQUESTS; i += 1) {
      const session = sessions[i % sessions.length]!;
      // Rotate which probe goes first, so none always follows the same neighbour.
      for (let k = 0; k < names.length; k += 1) {
        const name = names[(i + k) % names.length]!;
        const began = performance.now();
        await probes[name](session);
        samples[name]!.push(performance.now() - began);
      }
      if ((i + 1) % 100 === 0) log(`  ${i + 1}/${REQUESTS}`);
    }

    const baseline = summary(samples.baseline!);
    const inbox = summary(samples.inbox!);
    const inboxFiltered = summary(samples.inboxFiltered!);
    const inboxSearch = summary(samples.inboxSearch!);
    const ratio = (a: number, b: number) => Number((a / b).toFixed(3));
    const ratios = (runtime: ReturnType<typeof summary>) => ({
      p50: ratio(runtime.p50, baseline.p50),
      p95: ratio(runtime.p95, baseline.p95),
      p99: ratio(runtime.p99, baseline.p99),
    });
    const yellowTotals = Object.values(totals).map((entry) => entry.inboxFiltered!);
    const searchTotals = Object.values(totals).map((entry) => entry.inboxSearch!);
    return {
      benchmark: 'inbox',
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.release()}` },
      settings: {
        tasks: TASKS,
        departments: departments.length,
        tasksPerDepartment: Math.round(TASKS / departments.length),
        pageSize: PAGE_SIZE,
        requests: REQUESTS,
        warmup: WARMUP,
        dueWindowDays: DUE_WINDOW_MS / 86_400_000,
        yellowBeforeDays: YELLOW_BEFORE_MS / 86_400_000,
        ...(fixtureYears.length > 0 ? { fixtureCalendarYears: fixtureYears } : {}),
        order: 'interleaved per request, rotating over the departments (one logged-in reviewer each)',
      },
      baseline: {
        what: 'bare engine: POST /task?firstResult=0&maxResults=20 {candidateGroups:[dept], includeAssignedTasks, sorting dueDate asc} + POST /task/count, in parallel',
        ...baseline,
      },
      inbox: { what: `GET /api/inbox?page=1&pageSize=${PAGE_SIZE} via app.inject`, ...inbox },
      inboxFiltered: {
        what: `GET /api/inbox?status=yellow&page=1&pageSize=${PAGE_SIZE} via app.inject`,
        totalPerDepartment: { min: Math.min(...yellowTotals), max: Math.max(...yellowTotals) },
        ...inboxFiltered,
      },
      inboxSearch: {
        what: `GET /api/inbox?q=${seeded.applicantFragment}&page=1&pageSize=${PAGE_SIZE} via app.inject (business key or applicant LIKE, in the engine)`,
        totalPerDepartment: { min: Math.min(...searchTotals), max: Math.max(...searchTotals) },
        ...inboxSearch,
      },
      ratios: { inbox: ratios(inbox), inboxFiltered: ratios(inboxFiltered), inboxSearch: ratios(inboxSearch) },
      targets: { 'inbox p95 <= 100 ms': inbox.p95 <= 100 },
    };
  } finally {
    await app?.close().catch(() => {});
    await database?.$disconnect().catch(() => {});
    await stack.stop();
  }
}
