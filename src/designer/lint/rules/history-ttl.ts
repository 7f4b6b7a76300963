/**
 * sunshine/history-ttl: an executable process sets `camunda:historyTimeToLive`, so its
 * history is cleaned up on a known schedule instead of the engine's global default.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { Reporter, RuleFactory } from 'bpmnlint';
import { camunda, describe, is, property } from './support.js';

const historyTtl: RuleFactory = () => {
  function check(node: ModdleElement, reporter: Reporter) {
    if (!is(node, 'bpmn:Process') || !node.id || !property<boolean>(node, 'isExecutable')) return;
    if (camunda(node, 'historyTimeToLive')?.trim()) return;
    const what = describe(node);
    reporter.report(
      node.id,
      `${what.zh}未设置历史保留期 camunda:historyTimeToLive（如 P180D）/ ${what.en} has no camunda:historyTimeToLive (e.g. P180D)`,
      ['historyTimeToLive'],
    );
  }

  return { check };
};

export default historyTtl;
