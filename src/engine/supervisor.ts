/**
 * Keeps the engine that `npm start` launched running: if it dies, it is started again
 * with backoff. Workers and API ride out the gap (they back off and retry).
 */
import type { Logger } from '../log/logger.js';
import { backoffDelay } from '../net/backoff.js';
import type { RunningEngine } from './launcher.js';

export interface SupervisedEngine {
  stop(): Promise<void>;
}

export async function superviseEngine(launch: () => Promise<RunningEngine>, log: Logger): Promise<SupervisedEngine> {
  let current = await launch();
  let stopping = false;

  const watch = (engine: RunningEngine): void => {
    void engine.exited.then(async (code) => {
      if (stopping) return;
      log.error({ code }, '流程引擎意外退出，正在重启 / the engine exited unexpectedly; restarting it');
      for (let attempt = 1; !stopping; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt, { initialMs: 2_000, maxMs: 60_000 })));
        if (stopping) return;
        try {
          current = await launch();
          log.info({ attempt }, '流程引擎已重启 / engine restarted');
          watch(current);
          return;
        } catch (error) {
          log.error({ err: error, attempt }, '流程引擎重启失败 / engine restart failed');
        }
      }
    });
  };
  watch(current);

  return {
    async stop() {
      stopping = true;
      await current.stop();
    },
  };
}
