/**
 * Well-formedness check for diagrams before they reach the engine: the engine reports
 * broken XML as a bare message without line or column, so we find the place ourselves.
 */
import { XMLValidator } from 'fast-xml-parser';
import type { BpmnProblem } from './errors.js';

export function xmlSyntaxProblem(resource: string, content: string | Uint8Array): BpmnProblem | undefined {
  const text = typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
  const result = XMLValidator.validate(text);
  if (result === true) return undefined;
  return { resource, message: `XML 格式错误 / malformed XML: ${result.err.msg}`, line: result.err.line, column: result.err.col, elementIds: [] };
}
