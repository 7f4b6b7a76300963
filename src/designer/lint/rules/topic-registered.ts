/**
 * sunshine/topic-registered: an external task's `camunda:topic` must be served by a
 * registered worker (workers/registry.ts). A topic built from an expression, such as
 * `${department}.precheck`, passes when some registered topic fits its pattern
 * (`*.precheck`). Options: `{ topics: string[] }`.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { Reporter, RuleFactory } from 'bpmnlint';
import { camunda, describe, expressionPattern, is, isExpression } from './support.js';

const topicRegistered: RuleFactory = (options?: { topics?: readonly string[] }) => {
  const topics = options?.topics ?? [];

  function check(node: ModdleElement, reporter: Reporter) {
    // Tasks carry camunda:type directly; message events carry it on their definition.
    const carrier = is(node, 'bpmn:MessageEventDefinition') ? node.$parent : node;
    if (!carrier?.id || camunda(node, 'type') !== 'external') return;
    const what = describe(carrier);
    const topic = camunda(node, 'topic')?.trim();
    if (!topic) {
      reporter.report(carrier.id, `${what.zh}是外部任务，但未设置主题 / ${what.en} is an external task without a topic`, ['topic']);
      return;
    }
    const known = isExpression(topic) ? topics.some((registered) => expressionPattern(topic).test(registered)) : topics.includes(topic);
    if (!known) {
      reporter.report(
        carrier.id,
        `${what.zh}的主题「${topic}」没有已注册的处理器 / ${what.en}: topic "${topic}" has no registered worker`,
        ['topic'],
      );
    }
  }

  return { check };
};

export default topicRegistered;
