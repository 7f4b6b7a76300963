/**
 * sunshine/deadline-variables: statutory steps count working days, so their timers and
 * due dates come from the deadline variables the case carries (README "Deadlines"),
 * never from durations or dates written into the diagram. A timer uses `timeDate` with
 * an expression (`${step_Review_deadline}`), not `timeDuration`/`timeCycle` or a literal
 * date; a user task's `camunda:dueDate`/`camunda:followUpDate`, when set, are expressions.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { Reporter, RuleFactory } from 'bpmnlint';
import { camunda, describe, is, isExpression, property } from './support.js';

function body(expression: ModdleElement | undefined): string | undefined {
  if (!expression) return undefined;
  const text = property<string>(expression, 'body') ?? expression.$body;
  return typeof text === 'string' ? text.trim() : undefined;
}

const deadlineVariables: RuleFactory = () => {
  function check(node: ModdleElement, reporter: Reporter) {
    if (is(node, 'bpmn:TimerEventDefinition')) {
      const event = node.$parent;
      if (!event?.id) return;
      const what = describe(event);
      const duration = property<ModdleElement>(node, 'timeDuration');
      const cycle = property<ModdleElement>(node, 'timeCycle');
      const date = body(property<ModdleElement>(node, 'timeDate'));
      if (duration || cycle) {
        const kind = duration ? 'timeDuration' : 'timeCycle';
        const value = body(duration ?? cycle) ?? '';
        reporter.report(
          event.id,
          `${what.zh}的计时器使用 ${kind}「${value}」；法定期限按工作日计算，请使用期限变量，如 timeDate="\${step_<环节>_deadline}" / ${what.en}: the timer uses ${kind} "${value}"; statutory limits count working days, use a deadline variable such as timeDate="\${step_<Step>_deadline}"`,
          [kind],
        );
      } else if (!date) {
        reporter.report(event.id, `${what.zh}的计时器没有 timeDate / ${what.en}: the timer has no timeDate`, ['timeDate']);
      } else if (!isExpression(date)) {
        reporter.report(
          event.id,
          `${what.zh}的计时器写死了日期「${date}」，请使用期限变量（\${deadline}、\${step_<环节>_deadline}）/ ${what.en}: the timer has the literal date "${date}"; use a deadline variable (\${deadline}, \${step_<Step>_deadline})`,
          ['timeDate'],
        );
      }
      return;
    }
    if (is(node, 'bpmn:UserTask') && node.id) {
      for (const attribute of ['dueDate', 'followUpDate']) {
        const value = camunda(node, attribute)?.trim();
        if (value && !isExpression(value)) {
          const what = describe(node);
          reporter.report(
            node.id,
            `${what.zh}的 camunda:${attribute}「${value}」是固定值，请使用期限变量 / ${what.en}: camunda:${attribute} "${value}" is a fixed value; use a deadline variable`,
            [attribute],
          );
        }
      }
    }
  }

  return { check };
};

export default deadlineVariables;
