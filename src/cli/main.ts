/**
 * `sunshine` command line: start the system, run workers, look at the engine, deploy
 * diagrams, run benchmarks. Errors end with one line and a non-zero exit code.
 */
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig } from '../config/config.js';
import { createLogger } from '../log/logger.js';
import { generatePrismaClientIfChanged } from '../database/generate-client.js';
import { calendarCli } from './calendar.js';
import { caCommand, verifyCommand } from './pki.js';
import { engineCommands } from './engine.js';
import { deployCommand } from './deploy.js';

const program = new Command('sunshine')
  .description('阳光政务 Sunshine — 审批与电子招投标编排 / approval and e-tendering orchestrator')
  .showHelpAfterError()
  .exitOverride();

program
  .command('start')
  .description('启动全部服务 / run database, engine, API, workers and web app')
  .action(async () => {
    // The start module imports the generated Prisma client, so generate it first.
    generatePrismaClientIfChanged((message) => process.stdout.write(`${message}\n`));
    await (await import('./start.js')).startCommand();
  });

program
  .command('workers')
  .description('启动外部任务处理器 / run the external-task workers')
  .option('-d, --department <code>', '只启动一个部门 / only this department')
  .action(async (options: { department?: string }) => {
    const config = loadConfig();
    generatePrismaClientIfChanged();
    const { runWorkers } = await import('../../workers/run.js');
    await runWorkers(config, createLogger(config.logLevel, 'workers'), options.department);
  });

program.addCommand(calendarCli());
program.addCommand(caCommand());
program.addCommand(verifyCommand());
program.addCommand(engineCommands());
program.addCommand(deployCommand());

program
  .command('bench')
  .description('运行基准测试 / run a benchmark (prints JSON)')
  .argument('<name>', 'external-tasks')
  .action(async (name: string) => {
    const { runBenchmark } = await import('../../bench/run.js');
    await runBenchmark(name);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else {
    const message = error instanceof ConfigError ? error.message : `错误 / error: ${(error as Error).message ?? String(error)}`;
    process.stderr.write(`${message.split('\n')[0]}\n`);
    process.exitCode = 1;
  }
}
