/**
 * sunshine/version-tag: an executable process sets `camunda:versionTag`, so a case file
 * and the migration page can say which revision of the procedure a case runs.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { Reporter, RuleFactory } from 'bpmnlint';
import { camunda, describe, is, property } from './support.js';

const versionTag: RuleFactory = () => {
  function check(node: ModdleElement, reporter: Reporter) {
    if (!is(node, 'bpmn:Process') || !node.id || !property<boolean>(node, 'isExecutable')) return;
    if (camunda(node, 'versionTag')?.trim()) return;
    const what = describe(node);
    reporter.report(node.id, `${what.zh}未设置版本标签 camunda:versionTag（如 1.0）/ ${what.en} has no camunda:versionTag (e.g. 1.0)`, ['versionTag']);
  }

  return { check };
};

export default versionTag;
