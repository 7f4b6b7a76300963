/**
 * Builds the engine jar from engine/ when its inputs changed, starts it as a child
 * process and waits until its REST API answers with our credentials.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ENGINE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../engine');
const JAR = path.join(ENGINE_DIR, 'target', 'sunshine-engine.jar');
const STAMP = `${JAR}.inputs`;

export class EngineStartError extends Error {
  override name = 'EngineStartError';
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

/** Hash of everything that goes into the jar: the pom and the sources. */
export function engineInputsHash(): string {
  const hash = createHash('sha256');
  const files = [path.join(ENGINE_DIR, 'pom.xml'), ...listFiles(path.join(ENGINE_DIR, 'src'))].sort();
  for (const file of files) {
    hash.update(path.relative(ENGINE_DIR, file));
    hash.update('\0');
    hash.update(fs.readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function run(command: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Runs Maven only when the jar is missing or its inputs changed since the last build. */
export async function buildEngineIfChanged(log: (message: string) => void = () => {}): Promise<{ built: boolean; jar: string }> {
  const hash = engineInputsHash();
  if (fs.existsSync(JAR) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === hash) {
    return { built: false, jar: JAR };
  }
  log('构建流程引擎 / building the engine jar with Maven (first run downloads dependencies)…');
  const result = await run('mvn', ['-q', '-B', 'package', '-DskipTests'], ENGINE_DIR).catch((error: Error) => {
    throw new EngineStartError(`无法运行 Maven / cannot run mvn: ${error.message}`);
  });
  if (result.code !== 0) {
    throw new EngineStartError(`引擎构建失败 / engine build failed:\n${result.output.split('\n').slice(-30).join('\n')}`);
  }
  fs.writeFileSync(STAMP, hash);
  return { built: true, jar: JAR };
}

/** postgresql://user:pw@host:port/db?x=y → JDBC URL plus separate credentials. */
export function toJdbc(url: string): { jdbcUrl: string; user: string; password: string } {
  const parsed = new URL(url);
  const port = parsed.port || '5432';
  const query = parsed.search;
  return {
    jdbcUrl: `jdbc:postgresql://${parsed.hostname}:${port}${parsed.pathname}${query}`,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
  };
}

export interface EngineLaunchOptions {
  port: number;
  databaseUrl: string;
  restUser: string;
  restPassword: string;
  adminUser: string;
  adminPassword: string;
  javaOpts?: string[];
  logFile: string;
  startTimeoutMs?: number;
  /** Bind address; loopback unless an operator deliberately changes it. */
  bind?: string;
  /** Extra Spring Boot arguments, e.g. --camunda.bpm.job-execution.max-wait=60000 (benchmarks). */
  springArgs?: string[];
}

export interface RunningEngine {
  restUrl: string;
  process: ChildProcess;
  /** Settles with the exit code when the engine process ends, for whatever reason. */
  exited: Promise<number | null>;
  stop(timeoutMs?: number): Promise<void>;
}

async function answers(restUrl: string, authorization: string): Promise<boolean> {
  try {
    const response = await fetch(`${restUrl}/version`, { headers: { authorization }, signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

export async function startEngine(options: EngineLaunchOptions): Promise<RunningEngine> {
  const restUrl = `http://127.0.0.1:${options.port}/engine-rest`;
  const authorization = `Basic ${Buffer.from(`${options.restUser}:${options.restPassword}`).toString('base64')}`;
  if (await answers(restUrl, authorization)) {
    throw new EngineStartError(`端口已被占用 / an engine already answers on port ${options.port}: stop it or set SUNSHINE_ENGINE_PORT`);
  }
  const db = toJdbc(options.databaseUrl);
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = fs.openSync(options.logFile, 'a');
  // Deadlines are Asia/Shanghai dates; the zone only affects how the engine prints dates.
  const child = spawn('java', ['-Duser.timezone=Asia/Shanghai', ...(options.javaOpts ?? []), '-jar', JAR, ...(options.springArgs ?? [])], {
    cwd: ENGINE_DIR,
    stdio: ['ignore', log, log],
    // Its own process group: a terminal's Ctrl-C reaches Sunshine, which stops the
    // engine in order (after the workers, before the database).
    detached: true,
    env: {
      PATH: process.env.PATH,
      JAVA_HOME: process.env.JAVA_HOME,
      HOME: process.env.HOME,
      SUNSHINE_ENGINE_BIND: options.bind ?? '127.0.0.1',
      SUNSHINE_ENGINE_PORT: String(options.port),
      SUNSHINE_ENGINE_JDBC_URL: db.jdbcUrl,
      SUNSHINE_ENGINE_DB_USER: db.user,
      SUNSHINE_ENGINE_DB_PASSWORD: db.password,
      SUNSHINE_ENGINE_REST_USER: options.restUser,
      SUNSHINE_ENGINE_REST_PASSWORD: options.restPassword,
      SUNSHINE_ENGINE_ADMIN_USER: options.adminUser,
      SUNSHINE_ENGINE_ADMIN_PASSWORD: options.adminPassword,
    },
  });
  fs.closeSync(log);
  let exited: number | null | undefined;
  const killOnExit = () => child.kill('SIGTERM');
  process.on('exit', killOnExit);
  const exit = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      exited = code;
      process.off('exit', killOnExit);
      resolve(code);
    }),
  );

  const deadline = Date.now() + (options.startTimeoutMs ?? 180_000);
  while (!(await answers(restUrl, authorization))) {
    if (exited !== undefined) {
      throw new EngineStartError(`流程引擎启动失败 / the engine exited with code ${exited}; last log lines (${options.logFile}):\n${tail(options.logFile, 15)}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new EngineStartError(`流程引擎启动超时 / the engine did not answer within ${options.startTimeoutMs ?? 180_000} ms; see ${options.logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    restUrl,
    process: child,
    exited: exit,
    async stop(timeoutMs = 30_000) {
      if (exited !== undefined) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exit;
      clearTimeout(timer);
    },
  };
}
