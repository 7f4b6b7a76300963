/** `sunshine deploy <files…>`: deploy diagrams; parse errors print file:line:column. */
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { deployFiles } from '../engine/deploy-processes.js';
import { DeploymentParseError } from '../engine/errors.js';
import { engineFromConfig } from './engine.js';

export function deployCommand(): Command {
  return new Command('deploy')
    .description('部署流程图 / deploy BPMN/DMN files')
    .argument('<files...>', '.bpmn / .dmn 文件 / files')
    .option('-n, --name <name>', '部署名称 / deployment name', 'sunshine-cli')
    .action(async (files: string[], options: { name: string }) => {
      for (const file of files) {
        if (!fs.existsSync(file)) throw new Error(`文件不存在 / no such file: ${file}`);
        if (!/\.(bpmn|dmn)$/.test(file)) throw new Error(`不是 .bpmn 或 .dmn 文件 / not a .bpmn or .dmn file: ${file}`);
      }
      try {
        const deployment = await deployFiles(engineFromConfig(), files.map((file) => path.resolve(file)), { name: options.name, source: 'sunshine-cli' });
        const definitions = Object.values(deployment.deployedProcessDefinitions ?? {});
        if (definitions.length === 0) process.stdout.write('无变化，未产生新版本 / unchanged, no new version\n');
        for (const definition of definitions) process.stdout.write(`已部署 / deployed ${definition.key} v${definition.version} (${definition.id})\n`);
      } catch (error) {
        if (error instanceof DeploymentParseError) {
          for (const problem of error.errors) {
            const where = `${problem.resource}:${problem.line ?? '?'}:${problem.column ?? '?'}`;
            const elements = problem.elementIds.length ? ` [${problem.elementIds.join(', ')}]` : '';
            process.stderr.write(`${where}${elements} ${problem.message}\n`);
          }
          throw new Error(`流程图有 ${error.errors.length} 处错误 / the diagram has ${error.errors.length} error(s)`);
        }
        throw error;
      }
    });
}
