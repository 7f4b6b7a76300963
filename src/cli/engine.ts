/** `sunshine engine status`: is the engine up, what is deployed, what is broken. */
import { Command } from 'commander';
import { loadConfig } from '../config/config.js';
import { EngineClient } from '../engine/client.js';

export function engineFromConfig(): EngineClient {
  const config = loadConfig();
  return new EngineClient({ baseUrl: config.engine.restUrl, user: config.engine.user, password: config.engine.password, timeoutMs: 10_000 });
}

export function engineCommands(): Command {
  const engine = new Command('engine').description('流程引擎 / the process engine');
  engine
    .command('status')
    .description('引擎状态 / show engine status')
    .option('--json', 'JSON 输出 / print JSON')
    .action(async (options: { json?: boolean }) => {
      const client = engineFromConfig();
      const [version, definitions, incidents] = await Promise.all([
        client.version(),
        client.processDefinitions({ latestVersion: true }),
        client.incidents(),
      ]);
      const status = {
        url: client.baseUrl,
        version,
        processes: definitions.map((definition) => ({ key: definition.key, version: definition.version, name: definition.name })),
        openIncidents: incidents.length,
      };
      if (options.json) {
        process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
        return;
      }
      process.stdout.write(`流程引擎运行中 / engine running: Camunda ${version} at ${status.url}\n`);
      process.stdout.write(`已部署流程 / deployed procedures: ${definitions.length}\n`);
      for (const definition of status.processes) process.stdout.write(`  ${definition.key} v${definition.version}  ${definition.name ?? ''}\n`);
      process.stdout.write(`未处理事件 / open incidents: ${incidents.length}\n`);
    });
  return engine;
}
