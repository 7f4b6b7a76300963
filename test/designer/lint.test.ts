/** The project lint: each Sunshine rule on good and bad snippets, the shipped procedures, the config module. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProcessFiles } from '../../src/engine/deploy-processes.js';
import { openElementIdAt, xmlSyntaxProblem } from '../../src/engine/xml-syntax.js';
import { lintConfig, staticResolver, SUNSHINE_RULE_NAMES, type LintContext } from '../../src/designer/lint/config.js';
import { registeredTopics } from '../../src/designer/lint/context.js';
import { lintBpmn, lintErrors } from '../../src/designer/lint/lint-bpmn.js';
import { expressionPattern, splitList } from '../../src/designer/lint/rules/support.js';
import { DEMO_DEPARTMENTS } from '../../src/identity/seed.js';

const context: LintContext = { topics: registeredTopics(), departments: DEMO_DEPARTMENTS.map((department) => department.code) };

/** A small executable process; `attributes` go on bpmn:process, `body` sits between start and end. */
function diagram(options: { attributes?: string; task?: string; extra?: string } = {}): string {
  const attributes = options.attributes ?? 'camunda:historyTimeToLive="P30D" camunda:versionTag="1.0"';
  const task = options.task ?? '<bpmn:userTask id="Review" name="审查" camunda:candidateGroups="demo" camunda:dueDate="${deadline}">';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="https://sunshine.example.org/test">
  <bpmn:process id="lint_test" name="检查 / lint" isExecutable="true" ${attributes}>
    <bpmn:startEvent id="Start" name="开始"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    ${task}<bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>${task.startsWith('<bpmn:userTask') ? '</bpmn:userTask>' : '</bpmn:serviceTask>'}
    ${options.extra ?? ''}
    <bpmn:endEvent id="End" name="结束"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review" />
    <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;
}

function boundaryTimer(definition: string): string {
  return `<bpmn:boundaryEvent id="Late" name="超期" cancelActivity="false" attachedToRef="Review"><bpmn:outgoing>F3</bpmn:outgoing><bpmn:timerEventDefinition id="LateTimer">${definition}</bpmn:timerEventDefinition></bpmn:boundaryEvent>
    <bpmn:endEvent id="LateEnd" name="记录"><bpmn:incoming>F3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F3" sourceRef="Late" targetRef="LateEnd" />`;
}

async function errorsOf(xml: string, lintContext = context) {
  return lintErrors(await lintBpmn(xml, lintContext)).map((problem) => ({ rule: problem.rule, elementId: problem.elementId, message: problem.message }));
}

describe('project lint', () => {
  it('passes a diagram that follows the rules (only warnings, e.g. no diagram interchange)', async () => {
    const result = await lintBpmn(diagram({ extra: boundaryTimer('<bpmn:timeDate>${step_Review_deadline}</bpmn:timeDate>') }), context);
    expect(lintErrors(result)).toEqual([]);
    expect([...new Set(result.problems.map((problem) => problem.rule))]).toEqual(['no-bpmndi']);
  });

  it('sunshine/topic-registered: registered topics and matching expressions pass, others are named', async () => {
    const service = (topic: string) => `<bpmn:serviceTask id="Review" name="核验" camunda:type="external" camunda:topic="${topic}">`;
    expect(await errorsOf(diagram({ task: service('demo.check-materials') }))).toEqual([]);
    expect(await errorsOf(diagram({ task: service('${department}.precheck') }))).toEqual([]);
    const unknown = await errorsOf(diagram({ task: service('land.check-parcel') }));
    expect(unknown).toEqual([{ rule: 'sunshine/topic-registered', elementId: 'Review', message: expect.stringContaining('"land.check-parcel"') }]);
    expect(unknown[0]!.message).toMatch(/服务任务「核验」（Review）的主题「land\.check-parcel」没有已注册的处理器 \/ service task "核验" \(Review\)/);
    // An expression no registered topic fits.
    expect(await errorsOf(diagram({ task: service('${department}.inspect') }))).toMatchObject([{ rule: 'sunshine/topic-registered', elementId: 'Review' }]);
    // An external task without a topic.
    expect(await errorsOf(diagram({ task: '<bpmn:serviceTask id="Review" name="核验" camunda:type="external">' }))).toMatchObject([
      { rule: 'sunshine/topic-registered', message: expect.stringContaining('without a topic') },
    ]);
  });

  it('sunshine/candidate-group-known: department codes, <code>-head and expressions pass', async () => {
    const user = (groups: string) => `<bpmn:userTask id="Review" name="审查" camunda:candidateGroups="${groups}">`;
    expect(await errorsOf(diagram({ task: user('demo, demo-head,${department},${coordinator},${department.concat(\'-head\')}') }))).toEqual([]);
    const unknown = await errorsOf(diagram({ task: user('demo,land,land-head,demo-boss') }));
    expect(unknown).toEqual([{ rule: 'sunshine/candidate-group-known', elementId: 'Review', message: expect.stringContaining('"land", "land-head", "demo-boss"') }]);
    expect(unknown[0]!.message).toMatch(/^用户任务「审查」（Review）的候选组/);
    // No group, candidate user or assignee: no inbox would show the task.
    expect(await errorsOf(diagram({ task: '<bpmn:userTask id="Review" name="审查">' }))).toEqual([
      { rule: 'sunshine/candidate-group-known', elementId: 'Review', message: expect.stringContaining('no candidate group') },
    ]);
    expect(await errorsOf(diagram({ task: '<bpmn:userTask id="Review" name="审查" camunda:assignee="${decidedBy}">' }))).toEqual([]);
    // Without departments (the CLI with no database) the rule is off.
    expect(await errorsOf(diagram({ task: user('land') }), { topics: context.topics })).toEqual([]);
    expect(lintConfig({ topics: [] }).rules!['sunshine/candidate-group-known']).toBe('off');
  });

  it('sunshine/deadline-variables: timers use timeDate with a deadline variable, due dates are expressions', async () => {
    expect(await errorsOf(diagram({ extra: boundaryTimer('<bpmn:timeDate>#{step_Review_deadline}</bpmn:timeDate>') }))).toEqual([]);
    const duration = await errorsOf(diagram({ extra: boundaryTimer('<bpmn:timeDuration>P5D</bpmn:timeDuration>') }));
    expect(duration).toEqual([{ rule: 'sunshine/deadline-variables', elementId: 'Late', message: expect.stringContaining('timeDuration "P5D"') }]);
    expect(duration[0]!.message).toMatch(/^边界事件「超期」（Late）/);
    expect(await errorsOf(diagram({ extra: boundaryTimer('<bpmn:timeCycle>R3/PT1H</bpmn:timeCycle>') }))).toMatchObject([{ elementId: 'Late', message: expect.stringContaining('timeCycle') }]);
    expect(await errorsOf(diagram({ extra: boundaryTimer('<bpmn:timeDate>2027-01-04T23:59:59+08:00</bpmn:timeDate>') }))).toMatchObject([
      { elementId: 'Late', message: expect.stringContaining('literal date "2027-01-04T23:59:59+08:00"') },
    ]);
    expect(await errorsOf(diagram({ extra: boundaryTimer('') }))).toMatchObject([{ elementId: 'Late', message: expect.stringContaining('no timeDate') }]);
    const fixedDue = await errorsOf(diagram({ task: '<bpmn:userTask id="Review" name="审查" camunda:candidateGroups="demo" camunda:dueDate="2027-01-04T23:59:59" camunda:followUpDate="${yellowAt}">' }));
    expect(fixedDue).toEqual([{ rule: 'sunshine/deadline-variables', elementId: 'Review', message: expect.stringContaining('camunda:dueDate "2027-01-04T23:59:59"') }]);
    expect(await errorsOf(diagram({ task: '<bpmn:userTask id="Review" name="审查" camunda:candidateGroups="demo" camunda:followUpDate="P1D">' }))).toMatchObject([
      { rule: 'sunshine/deadline-variables', message: expect.stringContaining('followUpDate') },
    ]);
  });

  it('sunshine/history-ttl and sunshine/version-tag: executable processes set both', async () => {
    expect(await errorsOf(diagram({ attributes: '' }))).toEqual([
      { rule: 'sunshine/history-ttl', elementId: 'lint_test', message: expect.stringContaining('camunda:historyTimeToLive') },
      { rule: 'sunshine/version-tag', elementId: 'lint_test', message: expect.stringContaining('camunda:versionTag') },
    ]);
    expect((await errorsOf(diagram({ attributes: '' })))[0]!.message).toMatch(/^流程「检查 \/ lint」（lint_test）/);
    // A non-executable process (documentation only) needs neither.
    expect(await errorsOf(diagram({ attributes: '' }).replace('isExecutable="true"', 'isExecutable="false"'))).toEqual([]);
  });

  it('keeps recommended rules, with label-required a warning', async () => {
    const unlabelled = diagram().replace('<bpmn:endEvent id="End" name="结束">', '<bpmn:endEvent id="End">');
    const result = await lintBpmn(unlabelled, context);
    expect(lintErrors(result)).toEqual([]);
    expect(result.problems).toContainEqual({ rule: 'label-required', elementId: 'End', message: expect.any(String), category: 'warn' });
    const disconnected = diagram({ extra: '<bpmn:task id="Orphan" name="孤立" />' });
    expect(await errorsOf(disconnected)).toContainEqual({ rule: 'no-disconnected', elementId: 'Orphan', message: expect.any(String) });
  });

  it('lints every shipped procedure clean (no errors); DMN files are not linted', async () => {
    const files = findProcessFiles().filter((file) => file.endsWith('.bpmn'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      expect(await errorsOf(fs.readFileSync(file, 'utf8')), path.basename(file)).toEqual([]);
    }
  });

  it('reports malformed XML as one problem naming the open element', async () => {
    const broken = diagram().replace('<bpmn:endEvent id="End" name="结束">', '<bpmn:endEvent id="End" name="结束"><oops>');
    expect((await lintBpmn(broken, context)).problems).toEqual([{ rule: 'xml', elementId: 'End', message: expect.stringMatching(/malformed XML/), category: 'error' }]);
    const problem = xmlSyntaxProblem('broken.bpmn', broken)!;
    expect(problem).toMatchObject({ resource: 'broken.bpmn', line: expect.any(Number), column: expect.any(Number), elementIds: ['End'] });
    expect(openElementIdAt('<a id="x">\n  <b>\n', 2, 6)).toBe('x');
    expect(openElementIdAt('<a id="x"><c id="y"/></a>', 1, 26)).toBeUndefined();
  });

  it('splits candidate groups and reads topic patterns as the rules do', () => {
    expect(splitList('a, ${f(b, c)} ,#{d},')).toEqual(['a', '${f(b, c)}', '#{d}']);
    expect(expressionPattern('${department}.precheck').test('fire.precheck')).toBe(true);
    expect(expressionPattern('${department}.precheck').test('fire.precheck.x')).toBe(false);
    expect(expressionPattern('${topic}').test('anything')).toBe(true);
  });

  it('resolves every configured rule statically, and the config module is browser-safe', async () => {
    expect(SUNSHINE_RULE_NAMES).toEqual(['sunshine/topic-registered', 'sunshine/candidate-group-known', 'sunshine/deadline-variables', 'sunshine/history-ttl', 'sunshine/version-tag']);
    const recommended = (await staticResolver.resolveConfig('bpmnlint', 'recommended')).rules!;
    for (const name of Object.keys(recommended)) expect(typeof (await staticResolver.resolveRule('bpmnlint', name))).toBe('function');
    expect(() => staticResolver.resolveRule('bpmnlint-plugin-other', 'x')).toThrow(/unknown lint rule/);
    // The browser imports config.ts and the rules: nothing from Node, the database or the workers.
    const dir = path.resolve(import.meta.dirname, '../../src/designer/lint');
    const browserFiles = ['config.ts', ...fs.readdirSync(path.join(dir, 'rules')).map((file) => `rules/${file}`)];
    for (const file of browserFiles) {
      const imports = [...fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/^import [^;]*? from '([^']+)'/gm)].map((match) => match[1]!);
      for (const specifier of imports) expect(specifier, `${file} imports ${specifier}`).toMatch(/^(bpmnlint\/(rules|config)\/|\.\/|bpmnlint$|bpmn-moddle$)/);
    }
  });
});
