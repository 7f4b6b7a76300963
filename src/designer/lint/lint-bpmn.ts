/**
 * Lints a BPMN diagram on the server with the project config (./config.ts): the same
 * rules and categories the designer shows in the browser.
 */
import { Linter } from 'bpmnlint';
import { readDiagram } from '../diagram.js';
import { sunshineLinting, type LintContext } from './config.js';

export interface LintProblem {
  /** `label-required`, `sunshine/topic-registered`, … */
  rule: string;
  /** The element the problem is about (absent for a problem with the whole document). */
  elementId?: string;
  message: string;
  category: 'error' | 'warn';
}

export interface LintResult {
  problems: LintProblem[];
}

/** Malformed XML cannot be linted: it is reported as one `xml` error (use readDiagram for its place). */
export async function lintBpmn(xml: string, context: LintContext): Promise<LintResult> {
  const diagram = await readDiagram(xml);
  if (!diagram.ok) return { problems: [{ rule: 'xml', message: diagram.problem.message, category: 'error', elementId: diagram.problem.elementIds[0] }] };
  const linter = new Linter(sunshineLinting(context));
  const results = await linter.lint(diagram.definitions);
  const problems: LintProblem[] = [];
  for (const [rule, reports] of Object.entries(results)) {
    for (const report of reports) {
      if (report.category === 'off') continue;
      problems.push({
        rule,
        ...(report.id ? { elementId: report.id } : {}),
        message: report.message,
        // A rule that crashed is an error: its check did not run.
        category: report.category === 'warn' || report.category === 'info' ? 'warn' : 'error',
      });
    }
  }
  problems.sort((a, b) => Number(a.category === 'warn') - Number(b.category === 'warn') || a.rule.localeCompare(b.rule) || (a.elementId ?? '').localeCompare(b.elementId ?? ''));
  return { problems };
}

export function lintErrors(result: LintResult): LintProblem[] {
  return result.problems.filter((problem) => problem.category === 'error');
}
