/**
 * Runs the registered workers against the configured engine until SIGINT/SIGTERM,
 * then drains. `npm run workers` (all departments) or `npm run workers -- --department window`.
 */
import type { Config } from '../src/config/config.js';
import { createPrismaClient } from '../src/database/prisma.js';
import { EngineClient } from '../src/engine/client.js';
import type { Logger } from '../src/log/logger.js';
import { topicsFor } from './registry.js';
import { WorkerRuntime } from './runtime/runtime.js';
import type { WorkerServices } from './runtime/topic.js';
import { createWorkerServices } from './services.js';

export function createWorkerRuntime(config: Config, logger: Logger, services: WorkerServices, department?: string): WorkerRuntime {
  return new WorkerRuntime(topicsFor(department), {
    engineUrl: config.engine.restUrl,
    user: config.engine.user,
    password: config.engine.password,
    logger: logger.child({ component: 'workers', ...(department ? { department } : {}) }),
    maxParallel: config.workers.maxParallel,
    longPollMs: config.workers.longPollMs,
    drainMs: config.workers.drainMs,
    services,
  });
}

export async function runWorkers(config: Config, logger: Logger, department?: string): Promise<void> {
  const database = createPrismaClient(config.database.apiUrl);
  const engine = new EngineClient({ baseUrl: config.engine.restUrl, user: config.engine.user, password: config.engine.password });
  const runtime = createWorkerRuntime(config, logger, createWorkerServices(config, database, engine), department);
  runtime.start();
  await new Promise<void>((resolve) => {
    const shutdown = async (signal: string) => {
      logger.info({ signal }, '收到停止信号 / stopping workers');
      await runtime.stop();
      await database.$disconnect();
      resolve();
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
  });
}
