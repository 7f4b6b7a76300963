/**
 * sunshine/candidate-group-known: every entry of a user task's `camunda:candidateGroups`
 * is a department code or `<code>-head` (the departments in the database); an entry
 * that is an expression (`${…}`) is decided at run time and passes. A user task without
 * any candidate group, candidate user or assignee is reported too.
 * Options: `{ departments: string[] }`.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { Reporter, RuleFactory } from 'bpmnlint';
import { camunda, describe, is, isExpression, splitList } from './support.js';

const candidateGroupKnown: RuleFactory = (options?: { departments?: readonly string[] }) => {
  const departments = new Set(options?.departments ?? []);
  const known = (group: string) => departments.has(group) || (group.endsWith('-head') && departments.has(group.slice(0, -'-head'.length)));

  function check(node: ModdleElement, reporter: Reporter) {
    if (!is(node, 'bpmn:UserTask') || !node.id) return;
    const groups = camunda(node, 'candidateGroups');
    if (!groups) {
      // Nobody's inbox would show a task without a group, candidate user or assignee.
      if (!camunda(node, 'candidateUsers') && !camunda(node, 'assignee')) {
        const what = describe(node);
        reporter.report(node.id, `${what.zh}未指定办理部门（候选组）/ ${what.en} has no candidate group: no department's inbox would show it`, ['candidateGroups']);
      }
      return;
    }
    const unknown = splitList(groups).filter((group) => !isExpression(group) && !known(group));
    if (unknown.length === 0) return;
    const what = describe(node);
    const list = unknown.map((group) => `"${group}"`).join(', ');
    reporter.report(
      node.id,
      `${what.zh}的候选组 ${list} 不是已知部门编码或「部门编码-head」/ ${what.en}: candidate group ${list} is not a known department code or <code>-head`,
      ['candidateGroups'],
    );
  }

  return { check };
};

export default candidateGroupKnown;
