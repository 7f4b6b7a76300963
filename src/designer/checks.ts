/**
 * The checks every deployment passes before it reaches the engine (designer and
 * `sunshine deploy` alike): well-formed XML with its place, then the project lint on
 * every BPMN file. DMN files are checked for well-formedness only.
 */
import type { BpmnProblem } from '../engine/errors.js';
import { xmlSyntaxProblem } from '../engine/xml-syntax.js';
import type { LintContext } from './lint/config.js';
import { lintBpmn, type LintProblem } from './lint/lint-bpmn.js';

export interface DiagramFile {
  name: string;
  xml: string;
}

export interface FileLintProblem extends LintProblem {
  file: string;
}

export type CheckResult =
  | { ok: true; warnings: FileLintProblem[] }
  | { ok: false; kind: 'parse'; problems: BpmnProblem[] }
  | { ok: false; kind: 'lint'; problems: FileLintProblem[]; warnings: FileLintProblem[] };

export async function checkDiagrams(files: readonly DiagramFile[], context: LintContext): Promise<CheckResult> {
  const malformed = files.map((file) => xmlSyntaxProblem(file.name, file.xml)).filter((problem): problem is BpmnProblem => problem !== undefined);
  if (malformed.length > 0) return { ok: false, kind: 'parse', problems: malformed };
  const errors: FileLintProblem[] = [];
  const warnings: FileLintProblem[] = [];
  for (const file of files) {
    if (!/\.bpmn$/i.test(file.name)) continue;
    const { problems } = await lintBpmn(file.xml, context);
    for (const problem of problems) (problem.category === 'error' ? errors : warnings).push({ file: file.name, ...problem });
  }
  return errors.length > 0 ? { ok: false, kind: 'lint', problems: errors, warnings } : { ok: true, warnings };
}
