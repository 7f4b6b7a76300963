/**
 * A throwaway PostgreSQL + engine on free ports in a temporary directory, for the test
 * run (started once) and for benchmarks. Same parts as production, nothing shared.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ensureDatabase, startEmbeddedPostgres } from '../database/server.js';
import { buildEngineIfChanged, startEngine } from '../engine/launcher.js';
import { freePort } from '../net/free-port.js';

export interface EphemeralStack {
  dir: string;
  /** Superuser URL of the server (database "postgres"). */
  adminUrl: string;
  engineDatabaseUrl: string;
  engineRestUrl: string;
  engineUser: string;
  enginePassword: string;
  engineAdminUser: string;
  engineAdminPassword: string;
  /** URL of another database on the same server. */
  databaseUrl(name: string): string;
  stop(): Promise<void>;
}

export async function startEphemeralStack(options: { javaOpts?: string[]; springArgs?: string[]; log?: (message: string) => void } = {}): Promise<EphemeralStack> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-'));
  // The embedded server runs as the 'postgres' system user when we are root.
  fs.chmodSync(dir, 0o755);
  const secret = () => randomBytes(12).toString('base64url');
  const { stop: stopPostgres, adminUrl } = await startEmbeddedPostgres({ dir: path.join(dir, 'postgres'), port: await freePort(), password: secret() });
  const databaseUrl = (name: string) => adminUrl.replace(/\/postgres$/, `/${name}`);
  const stops: (() => Promise<void>)[] = [stopPostgres];
  const stop = async () => {
    for (const step of stops) await step().catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await ensureDatabase(adminUrl, 'engine');
    await buildEngineIfChanged(options.log);
    const credentials = { user: 'sunshinetest', password: secret(), adminUser: 'operator', adminPassword: secret() };
    const engine = await startEngine({
      port: await freePort(),
      databaseUrl: databaseUrl('engine'),
      restUser: credentials.user,
      restPassword: credentials.password,
      adminUser: credentials.adminUser,
      adminPassword: credentials.adminPassword,
      javaOpts: options.javaOpts ?? ['-Xmx768m'],
      springArgs: options.springArgs,
      logFile: path.join(dir, 'engine.log'),
    });
    stops.unshift(() => engine.stop());
    return {
      dir,
      adminUrl,
      engineDatabaseUrl: databaseUrl('engine'),
      engineRestUrl: engine.restUrl,
      engineUser: credentials.user,
      enginePassword: credentials.password,
      engineAdminUser: credentials.adminUser,
      engineAdminPassword: credentials.adminPassword,
      databaseUrl,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
