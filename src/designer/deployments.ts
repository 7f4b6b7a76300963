/**
 * Deploying from the designer: the checks (well-formed XML, project lint), then the
 * engine's own parse, with the engine's duplicate filtering making an unchanged diagram
 * a no-op. Every attempt that reaches the engine is recorded and audited.
 */
import { recordAudit } from '../audit/record.js';
import type { Database } from '../database/prisma.js';
import type { Deployment, EngineClient } from '../engine/client.js';
import { DeploymentParseError, type BpmnProblem } from '../engine/errors.js';
import { ApiError } from '../http/api-error.js';
import { checkDiagrams, type DiagramFile } from './checks.js';
import { processesOf, readDiagram } from './diagram.js';
import { lintContext } from './lint/context.js';

/** Designer deployments share one name and source, so duplicate filtering compares with the last designer deployment of a resource. */
export const DESIGNER_DEPLOYMENT = 'sunshine-designer';

// A type alias (not an interface) so it is assignable to Prisma's JSON input type.
export type DeployedDefinition = {
  key: string;
  version: number;
  id: string;
};

export interface DeployResult {
  deploymentId: string;
  duplicate: boolean;
  /** Process definitions this deployment made; for a duplicate, the versions in force for the files' processes. */
  definitions: DeployedDefinition[];
  /** Decision definitions (DMN) this deployment made. */
  decisions: DeployedDefinition[];
}

function parseDetails(problems: BpmnProblem[]) {
  return problems.map((problem) => ({ file: problem.resource, line: problem.line ?? null, column: problem.column ?? null, elementIds: problem.elementIds, message: problem.message }));
}

function parseError(problems: BpmnProblem[]): ApiError {
  return new ApiError(400, 'BPMN_PARSE_ERROR', `流程图有 ${problems.length} 处解析错误`, `the diagram has ${problems.length} parse error(s)`, parseDetails(problems));
}

export class DeploymentService {
  constructor(
    private readonly engine: EngineClient,
    private readonly database: Database,
  ) {}

  async deploy(files: DiagramFile[], comment: string, author: string): Promise<DeployResult> {
    const checked = await checkDiagrams(files, await lintContext(this.database));
    if (!checked.ok && checked.kind === 'parse') throw parseError(checked.problems);
    if (!checked.ok) {
      throw new ApiError(
        400,
        'LINT_FAILED',
        `流程图未通过检查（${checked.problems.length} 处错误）`,
        `the diagram failed the checks (${checked.problems.length} error(s))`,
        checked.problems.map(({ file, rule, elementId, message }) => ({ file, rule, elementId: elementId ?? null, message })),
      );
    }

    let deployment: Deployment;
    try {
      deployment = await this.engine.deploy({
        name: DESIGNER_DEPLOYMENT,
        source: DESIGNER_DEPLOYMENT,
        files: files.map((file) => ({ name: file.name, content: file.xml })),
        duplicateFiltering: true,
        changedOnly: true,
      });
    } catch (error) {
      if (error instanceof DeploymentParseError) throw parseError(error.errors);
      throw error;
    }

    const made = Object.values(deployment.deployedProcessDefinitions ?? {}).map(({ key, version, id }) => ({ key, version, id }));
    const decisions = Object.values(deployment.deployedDecisionDefinitions ?? {}).map(({ key, version, id }) => ({ key, version, id }));
    const duplicate = made.length === 0 && decisions.length === 0;
    const definitions = duplicate ? await this.currentVersions(files) : made.sort((a, b) => a.key.localeCompare(b.key));

    await this.database.procedureDeployment.create({
      data: { deploymentId: deployment.id, resourceNames: files.map((file) => file.name), definitions: duplicate ? [] : [...definitions, ...decisions], duplicate, author, comment },
    });
    await recordAudit(this.database, {
      actor: author,
      action: 'procedure.deploy',
      subject: `deployment:${deployment.id}`,
      details: { files: files.map((file) => file.name), duplicate, definitions: duplicate ? [] : definitions, decisions, comment },
    });
    return { deploymentId: deployment.id, duplicate, definitions, decisions };
  }

  /** The versions in force for the processes the files define (an unchanged deployment made none). */
  private async currentVersions(files: DiagramFile[]): Promise<DeployedDefinition[]> {
    const keys = new Set<string>();
    for (const file of files.filter((candidate) => /\.bpmn$/i.test(candidate.name))) {
      const diagram = await readDiagram(file.xml, file.name);
      if (diagram.ok) for (const process of processesOf(diagram.definitions)) keys.add(process.id);
    }
    const latest = await Promise.all([...keys].sort().map((key) => this.engine.processDefinitions({ key, latestVersion: true })));
    return latest.flat().map(({ key, version, id }) => ({ key, version, id }));
  }
}
