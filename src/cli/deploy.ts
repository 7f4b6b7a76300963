/**
 * `sunshine deploy <files…>`: the designer's checks, then deploy. Malformed XML and the
 * engine's parse errors print file:line:column; lint errors print file:element: rule
 * message, one line each. The candidate-group rule needs the departments from the
 * database; with the embedded database stopped it is skipped, and the command says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../config/config.js';
import { generatePrismaClientIfChanged } from '../database/generate-client.js';
import { postmasterPid } from '../database/server.js';
import { deployFiles } from '../engine/deploy-processes.js';
import { DeploymentParseError, type BpmnProblem } from '../engine/errors.js';
import { engineFromConfig } from './engine.js';

function printParseProblems(problems: BpmnProblem[]): never {
  for (const problem of problems) {
    const where = `${problem.resource}:${problem.line ?? '?'}:${problem.column ?? '?'}`;
    const elements = problem.elementIds.length ? ` [${problem.elementIds.join(', ')}]` : '';
    process.stderr.write(`${where}${elements} ${problem.message}\n`);
  }
  throw new Error(`流程图有 ${problems.length} 处错误 / the diagram has ${problems.length} error(s)`);
}

/** The database's department codes, or undefined when the database is not there to ask. */
async function departmentsForLint(): Promise<string[] | undefined> {
  const config = loadConfig();
  const embedded = config.database.embedded;
  if (embedded && !postmasterPid(embedded.dir)) return undefined;
  generatePrismaClientIfChanged();
  const [{ createPrismaClient }, { departmentCodes }] = await Promise.all([import('../database/prisma.js'), import('../designer/lint/context.js')]);
  const database = createPrismaClient(config.database.apiUrl);
  try {
    return await departmentCodes(database);
  } finally {
    await database.$disconnect();
  }
}

export function deployCommand(): Command {
  return new Command('deploy')
    .description('检查并部署流程图 / check and deploy BPMN/DMN files')
    .argument('<files...>', '.bpmn / .dmn 文件 / files')
    .option('-n, --name <name>', '部署名称 / deployment name', 'sunshine-cli')
    .action(async (files: string[], options: { name: string }) => {
      for (const file of files) {
        if (!fs.existsSync(file)) throw new Error(`文件不存在 / no such file: ${file}`);
        if (!/\.(bpmn|dmn)$/.test(file)) throw new Error(`不是 .bpmn 或 .dmn 文件 / not a .bpmn or .dmn file: ${file}`);
      }
      const [{ checkDiagrams }, { registeredTopics }] = await Promise.all([import('../designer/checks.js'), import('../designer/lint/context.js')]);
      const departments = await departmentsForLint();
      if (!departments) process.stderr.write('注意 / note: 数据库未运行，跳过候选组检查 / the database is not running: the candidate-group check (sunshine/candidate-group-known) is skipped\n');
      const diagrams = files.map((file) => ({ name: file, xml: fs.readFileSync(file, 'utf8') }));
      const checked = await checkDiagrams(diagrams, { topics: registeredTopics(), departments });
      if (!checked.ok && checked.kind === 'parse') printParseProblems(checked.problems);
      if (!checked.ok) {
        for (const problem of checked.problems) process.stderr.write(`${problem.file}:${problem.elementId ?? '-'}: ${problem.rule} ${problem.message}\n`);
        throw new Error(`流程图未通过检查，有 ${checked.problems.length} 处错误 / the diagram failed the checks with ${checked.problems.length} error(s)`);
      }
      try {
        const deployment = await deployFiles(engineFromConfig(), files.map((file) => path.resolve(file)), { name: options.name, source: 'sunshine-cli' });
        const definitions = Object.values(deployment.deployedProcessDefinitions ?? {});
        if (definitions.length === 0) process.stdout.write('无变化，未产生新版本 / unchanged, no new version\n');
        for (const definition of definitions) process.stdout.write(`已部署 / deployed ${definition.key} v${definition.version} (${definition.id})\n`);
      } catch (error) {
        if (error instanceof DeploymentParseError) printParseProblems(error.errors);
        throw error;
      }
    });
}
