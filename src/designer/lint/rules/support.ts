/**
 * Helpers the Sunshine lint rules share. Browser-safe: no Node modules, nothing but the
 * moddle element API (bpmnlint hands rules the same tree on the server and in bpmn-js).
 */
import type { ModdleElement } from 'bpmn-moddle';

/** Whether the element is of the BPMN/Camunda type (subtypes included). */
export function is(node: ModdleElement | undefined, type: string): boolean {
  return Boolean(node && typeof node.$instanceOf === 'function' && node.$instanceOf(type));
}

/**
 * A `camunda:` attribute. With the Camunda moddle extension loaded (server and designer)
 * it is a typed property; without it, moddle keeps it among the unknown attributes.
 */
export function camunda(node: ModdleElement, name: string): string | undefined {
  let value: unknown;
  try {
    value = node.get(`camunda:${name}`);
  } catch {
    value = undefined;
  }
  if (value === undefined || value === null) value = node.$attrs?.[`camunda:${name}`];
  if (value === undefined || value === null) return undefined;
  return String(value);
}

/** A property moddle knows (e.g. `eventDefinitions`, `timeDate`), or undefined. */
export function property<T = unknown>(node: ModdleElement, name: string): T | undefined {
  try {
    return (node.get(name) ?? undefined) as T | undefined;
  } catch {
    return undefined;
  }
}

/** `${…}` or `#{…}`: the engine evaluates it (JUEL) when the step runs. */
export function isExpression(value: string): boolean {
  return /[$#]\{[^}]*\}/.test(value);
}

/**
 * Splits a comma-separated attribute (candidate groups) at the commas outside
 * expressions, so `${a},${f(b, c)}` gives two entries.
 */
export function splitList(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < value.length; i += 1) {
    const char = value[i]!;
    if ((char === '$' || char === '#') && value[i + 1] === '{') {
      depth += 1;
      current += char + '{';
      i += 1;
      continue;
    }
    if (char === '}' && depth > 0) depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current.trim());
  return parts.filter((part) => part.length > 0);
}

/**
 * A pattern for a value mixing literal text and expressions: each expression stands for
 * any non-empty text, e.g. `${department}.precheck` → /^.+\.precheck$/.
 */
export function expressionPattern(value: string): RegExp {
  const pieces = value.split(/[$#]\{[^}]*\}/);
  return new RegExp(`^${pieces.map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`);
}

const KINDS: [string, string, string][] = [
  ['bpmn:UserTask', '用户任务', 'user task'],
  ['bpmn:ServiceTask', '服务任务', 'service task'],
  ['bpmn:SendTask', '发送任务', 'send task'],
  ['bpmn:BusinessRuleTask', '业务规则任务', 'business rule task'],
  ['bpmn:BoundaryEvent', '边界事件', 'boundary event'],
  ['bpmn:StartEvent', '开始事件', 'start event'],
  ['bpmn:IntermediateCatchEvent', '中间捕获事件', 'intermediate catch event'],
  ['bpmn:IntermediateThrowEvent', '中间抛出事件', 'intermediate throw event'],
  ['bpmn:EndEvent', '结束事件', 'end event'],
  ['bpmn:Process', '流程', 'process'],
  ['bpmn:Activity', '活动', 'activity'],
];

/** How a message names an element: its kind, its name if it has one, and its id. */
export function describe(node: ModdleElement): { zh: string; en: string } {
  const kind = KINDS.find(([type]) => is(node, type)) ?? ['', '元素', 'element'];
  const name = node.name?.trim();
  const id = node.id ?? '?';
  return {
    zh: `${kind[1]}「${name ? `${name}` : id}」${name ? `（${id}）` : ''}`,
    en: `${kind[2]} ${name ? `"${name}" (${id})` : id}`,
  };
}
