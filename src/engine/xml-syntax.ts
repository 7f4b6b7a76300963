/**
 * Well-formedness check for diagrams before they reach the engine: the engine reports
 * broken XML as a bare message without line or column, so we find the place ourselves,
 * and name the innermost element with an id that was open there.
 */
import { XMLValidator } from 'fast-xml-parser';
import type { BpmnProblem } from './errors.js';

export function xmlSyntaxProblem(resource: string, content: string | Uint8Array): BpmnProblem | undefined {
  const text = typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
  const result = XMLValidator.validate(text);
  if (result === true) return undefined;
  const enclosing = openElementIdAt(text, result.err.line, result.err.col);
  return {
    resource,
    message: `XML 格式错误 / malformed XML: ${result.err.msg}`,
    line: result.err.line,
    column: result.err.col,
    elementIds: enclosing ? [enclosing] : [],
  };
}

/** The id of the innermost element still open at line:column (1-based), if any has one. */
export function openElementIdAt(text: string, line: number, column: number): string | undefined {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const next = text.indexOf('\n', offset);
    if (next < 0) break;
    offset = next + 1;
  }
  const before = text.slice(0, offset + Math.max(0, column - 1));
  const stack: (string | undefined)[] = [];
  const tag = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][^>]*>|<(\/?)([A-Za-z_][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  for (let match = tag.exec(before); match; match = tag.exec(before)) {
    if (!match[2]) continue;
    if (match[1]) {
      stack.pop();
    } else if (!match[4]) {
      stack.push(/\sid\s*=\s*["']([^"']+)["']/.exec(match[3] ?? '')?.[1]);
    }
  }
  return stack.reverse().find((id) => id !== undefined);
}
