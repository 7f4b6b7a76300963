/**
 * `npm start`: one command runs the whole system. Order matters both ways: database,
 * then (in parallel) migrations, engine and web build, then deployment of processes/,
 * API and workers; on Ctrl-C the reverse, so no request or task is cut off.
 */
import path from 'node:path';
import type { Config } from '../config/config.js';
import { applyMigrations, pendingMigrations } from '../database/migrate.js';
import { createPrismaClient } from '../database/prisma.js';
import { startDatabaseServer } from '../database/server.js';
import { EngineClient } from '../engine/client.js';
import { deployShippedProcesses } from '../engine/deploy-processes.js';
import { buildEngineIfChanged, startEngine } from '../engine/launcher.js';
import { superviseEngine } from '../engine/supervisor.js';
import type { Logger } from '../log/logger.js';
import { buildWebIfChanged } from '../web/build.js';
import { buildApp } from '../app.js';
import { CalendarService } from '../calendar/service.js';
import { seedCatalogue } from '../catalogue/seed.js';
import { seedApprovalCases } from '../demo/approval-cases.js';
import { seedDemoCases } from '../demo/seed.js';
import { CatalogueService } from '../catalogue/service.js';
import { CertificateAuthority } from '../pki/authority.js';
import { ensureAdministrator, seedDemo, type SeedUser } from '../identity/seed.js';
import { createWorkerRuntime } from '../../workers/run.js';
import { createWorkerServices } from '../../workers/services.js';

export interface RunningSystem {
  apiUrl: string;
  /** Demo users created on this start (first development start only). */
  seededUsers: SeedUser[];
  stop(): Promise<void>;
}

async function waitForEngine(engine: EngineClient, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await engine.version();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

export async function startSystem(config: Config, logger: Logger): Promise<RunningSystem> {
  const stops: { name: string; stop: () => Promise<unknown> }[] = [];
  const stopAll = async () => {
    for (const { name, stop } of stops.reverse()) {
      try {
        await stop();
      } catch (error) {
        logger.error({ err: error, component: name }, 'error while stopping');
      }
    }
    stops.length = 0;
  };

  try {
    const database = await startDatabaseServer(config, (line) => logger.trace({ component: 'postgres' }, line.trim()));
    stops.push({ name: 'postgres', stop: () => database.stop() });
    if (config.database.embedded) logger.info({ port: config.database.embedded.port }, '内置 PostgreSQL 已启动 / embedded PostgreSQL started');

    const engine = new EngineClient({ baseUrl: config.engine.restUrl, user: config.engine.user, password: config.engine.password });
    const [migrations] = await Promise.all([
      applyMigrations(database.apiUrl, (message) => logger.info(message)),
      (async () => {
        if (!config.engine.launch) {
          const version = await waitForEngine(engine, 120_000);
          logger.info({ url: config.engine.restUrl, version }, '使用外部流程引擎 / using the external engine');
          return;
        }
        await buildEngineIfChanged((message) => logger.info(message));
        logger.info('启动流程引擎 / starting the engine (Camunda 7)…');
        const launch = () => startEngine({
          port: config.engine.port,
          databaseUrl: database.engineUrl,
          restUser: config.engine.user,
          restPassword: config.engine.password,
          adminUser: config.engine.adminUser,
          adminPassword: config.engine.adminPassword,
          javaOpts: config.engine.javaOpts,
          logFile: path.join(config.dataDir, 'logs', 'engine.log'),
        });
        const supervised = await superviseEngine(launch, logger.child({ component: 'engine' }));
        stops.push({ name: 'engine', stop: () => supervised.stop() });
        logger.info({ url: config.engine.restUrl }, '流程引擎已就绪 / engine ready');
      })(),
      buildWebIfChanged((message) => logger.info(message)),
    ]);
    logger.info({ applied: migrations.applied }, '数据库迁移完成 / database migrations applied');

    const deployment = await deployShippedProcesses(engine);
    const deployed = Object.values(deployment.deployedProcessDefinitions ?? {}).map((definition) => `${definition.key}:${definition.version}`);
    logger.info({ deployed }, deployed.length ? '已部署流程 / procedures deployed' : '流程未变化 / procedures unchanged');

    const prisma = createPrismaClient(database.apiUrl);
    stops.push({ name: 'prisma', stop: () => prisma.$disconnect() });
    if (await ensureAdministrator(prisma, config.admin)) logger.info({ user: config.admin.user }, '已创建管理员账户 / administrator account created');
    const seededUsers = config.demo ? await seedDemo(prisma, config.demo.password) : [];
    if (config.demo) {
      const items = await seedCatalogue(prisma);
      if (items.length > 0) logger.info({ items: items.length }, '已载入演示事项库 / demo catalogue loaded');
    }
    // The root and a seal for every department (new departments get theirs at the next start).
    const ca = new CertificateAuthority(prisma, config.keyEncryptionKey);
    const pki = await ca.init();
    if (pki.rootCreated || pki.sealsIssued.length > 0) logger.info(pki, '电子签章证书已就绪 / certificates issued');
    const app = await buildApp({ config, engine, database: prisma, logger, pendingMigrations: () => pendingMigrations(database.apiUrl) });
    await app.listen({ host: config.host, port: config.port });
    stops.push({ name: 'api', stop: () => app.close() });

    const workers = createWorkerRuntime(config, logger, createWorkerServices(config, prisma, engine));
    workers.start();
    // Workers stop before the API closes its engine connections and before the engine.
    stops.push({ name: 'workers', stop: () => workers.stop() });

    if (seededUsers.length > 0) {
      const calendars = new CalendarService(prisma, { closingTime: config.office.closingTime });
      const cases = await seedDemoCases({ engine, database: prisma, calendars });
      const approvals = await seedApprovalCases({ engine, database: prisma, calendars, catalogue: new CatalogueService(prisma) });
      logger.info({ cases: [...cases, ...approvals.keys] }, '已创建演示案件 / demo cases created');
      for (const { scenario, reason } of approvals.skipped) {
        logger.warn({ scenario, reason }, '演示案件未创建（加载该年节假日数据后可照常受理）/ demo case not created; load that year’s holidays (README "Working-day calendar") and such cases are taken in');
      }
    }

    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    return { apiUrl: `http://${host === '127.0.0.1' ? 'localhost' : host}:${config.port}`, seededUsers, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
