/**
 * Diagrams from other tools (BPMN MIWG reference models, Camunda 7 examples; sources and
 * licences in test/fixtures/foreign-diagrams/README.md): they read without errors or
 * warnings, and the project lint runs on them (reporting problems, as expected).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { processesOf, readDiagram } from '../../src/designer/diagram.js';
import { registeredTopics } from '../../src/designer/lint/context.js';
import { lintBpmn } from '../../src/designer/lint/lint-bpmn.js';

const DIR = path.resolve(import.meta.dirname, '../fixtures/foreign-diagrams');
const FILES = fs.readdirSync(DIR).filter((file) => file.endsWith('.bpmn')).sort();

/** Decodes a file by the encoding its XML declaration names (the MIWG models say ISO-8859-1). */
function readXml(file: string): string {
  const bytes = fs.readFileSync(path.join(DIR, file));
  const declared = /encoding="([^"]+)"/.exec(bytes.subarray(0, 200).toString('latin1'))?.[1]?.toLowerCase() ?? 'utf-8';
  return new TextDecoder(declared === 'iso-8859-1' ? 'latin1' : declared).decode(bytes);
}

describe('foreign diagrams', () => {
  it('ships the MIWG reference models and the Camunda examples with their notices', () => {
    expect(FILES).toEqual(expect.arrayContaining(['miwg-A.1.0.bpmn', 'miwg-A.2.0.bpmn', 'miwg-A.4.0.bpmn', 'miwg-B.2.0.bpmn', 'miwg-C.1.0.bpmn', 'camunda-invoiceApproval.bpmn', 'camunda-loan-granting.bpmn']));
    for (const notice of ['README.md', 'LICENSE-bpmn-miwg.txt', 'LICENSE-camunda-bpm-examples.txt', 'NOTICE-camunda-bpm-examples.txt']) expect(fs.existsSync(path.join(DIR, notice)), notice).toBe(true);
  });

  it.each(FILES)('%s reads with bpmn-moddle and the Camunda extension, without warnings', async (file) => {
    const diagram = await readDiagram(readXml(file), file);
    if (!diagram.ok) throw new Error(diagram.problem.message);
    expect(diagram.warnings).toEqual([]);
    expect(processesOf(diagram.definitions).length + (diagram.definitions.rootElements?.length ?? 0)).toBeGreaterThan(0);
  });

  it.each(FILES)('%s lints without throwing', async (file) => {
    const { problems } = await lintBpmn(readXml(file), { topics: registeredTopics(), departments: ['demo'] });
    expect(problems.every((problem) => problem.rule !== 'xml')).toBe(true);
    expect(problems.every((problem) => problem.message.length > 0 && (problem.category === 'error' || problem.category === 'warn'))).toBe(true);
  });

  it('finds what does not follow Sunshine’s rules in a Camunda example', async () => {
    const { problems } = await lintBpmn(readXml('camunda-loan-granting.bpmn'), { topics: registeredTopics(), departments: ['demo'] });
    const rules = new Set(problems.map((problem) => problem.rule));
    expect(rules).toContain('sunshine/topic-registered');
    expect(rules).toContain('sunshine/version-tag');
  });
});
