/**
 * Camunda 7 element templates for the designer (bpmn-js-element-templates, C7 module),
 * generated from the worker registry: one template per registered topic, so a designer
 * picks "记录黄牌/红牌预警" instead of typing `supervision.warn`, plus the deadline
 * warning step of README "Warnings in diagrams" with its five input parameters.
 *
 * Most workers read process variables the case already carries (the runtime fetches
 * exactly the declared inputs), so their templates document inputs and outputs in the
 * description rather than adding input parameters that would shadow those variables.
 * Inputs that diagrams set on the service task itself (`camunda:inputParameter`) are
 * template fields; PARAMETERS lists them per topic.
 */
import { z } from 'zod';
import { TOPICS } from '../../workers/registry.js';
import type { TopicDefinition } from '../../workers/runtime/topic.js';

export const ELEMENT_TEMPLATE_SCHEMA = 'https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json';
export const TEMPLATE_VERSION = 1;
export const DEADLINE_WARNING_TEMPLATE_ID = 'sunshine.deadline-warning';

export interface TemplateBinding {
  type: 'property' | 'camunda:inputParameter';
  name: string;
}

export interface TemplateProperty {
  id?: string;
  label?: string;
  description?: string;
  type: 'Hidden' | 'String' | 'Text' | 'Dropdown';
  value?: string;
  editable?: boolean;
  choices?: { name: string; value: string }[];
  binding: TemplateBinding;
  constraints?: { notEmpty?: boolean; pattern?: { value: string; message: string } };
  condition?: { property: string; equals?: string; oneOf?: string[] };
  group?: string;
}

export interface ElementTemplate {
  $schema: string;
  id: string;
  name: string;
  version: number;
  description: string;
  appliesTo: string[];
  keywords: string[];
  metadata: { department: string; topic: string; inputs: VariableDoc[]; outputs: VariableDoc[] };
  groups?: { id: string; label: string }[];
  properties: TemplateProperty[];
}

export interface VariableDoc {
  name: string;
  /** A short type: string, number, boolean, string[], object, "a" | "b", … */
  type: string;
  optional: boolean;
  description?: string;
}

/** Inputs that diagrams set as `camunda:inputParameter` on the task, per topic. */
export const PARAMETERS: Record<string, string[]> = {
  'supervision.warn': ['level', 'scope', 'due'],
};

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  format?: string;
  default?: unknown;
};

function shortType(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const types = [schema.type ?? 'any'].flat();
  return types
    .map((type) => {
      if (type === 'array') return `${schema.items ? shortType(schema.items) : 'any'}[]`;
      if (type === 'integer') return 'number';
      if (type === 'string' && schema.format === 'date-time') return 'date-time';
      return type;
    })
    .join(' | ');
}

/** The top-level variables of a topic's input or output schema, documented. */
export function variablesOf(schema: z.ZodType, io: 'input' | 'output'): VariableDoc[] {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    type: shortType(property),
    optional: !required.has(name) || property.default !== undefined,
    ...(property.description ? { description: property.description } : {}),
  }));
}

function listOf(variables: VariableDoc[]): string {
  if (variables.length === 0) return '—';
  return variables.map((variable) => `${variable.name}: ${variable.type}${variable.optional ? '（可选 / optional）' : ''}`).join('; ');
}

const hidden = (name: string, value: string): TemplateProperty => ({ type: 'Hidden', value, binding: { type: 'property', name } });

function externalTask(topic: string): TemplateProperty[] {
  return [hidden('camunda:type', 'external'), hidden('camunda:topic', topic)];
}

function parameterProperty(variable: VariableDoc, schema: JsonSchema): TemplateProperty {
  const base = {
    id: variable.name,
    label: variable.name,
    description: `${variable.description ?? ''}${variable.description ? ' — ' : ''}输入参数 / input parameter (${variable.type})`,
    binding: { type: 'camunda:inputParameter' as const, name: variable.name },
    group: 'inputs',
    ...(variable.optional ? {} : { constraints: { notEmpty: true } }),
  };
  if (schema.enum) {
    const values = schema.enum.map(String);
    return { ...base, type: 'Dropdown', value: values[0], choices: values.map((value) => ({ name: value, value })) };
  }
  return { ...base, type: 'String' };
}

/** The template of one registered topic. */
export function topicTemplate(definition: TopicDefinition): ElementTemplate {
  const inputs = variablesOf(definition.input, 'input');
  const outputs = variablesOf(definition.output, 'output');
  const parameterNames = PARAMETERS[definition.topic] ?? [];
  const inputSchema = z.toJSONSchema(definition.input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const parameters = inputs.filter((input) => parameterNames.includes(input.name));
  const read = inputs.filter((input) => !parameterNames.includes(input.name));
  const description = [
    `部门 / department: ${definition.department} · 主题 / topic: ${definition.topic}`,
    ...(parameters.length ? [`输入参数 / input parameters: ${listOf(parameters)}`] : []),
    `${parameters.length ? '其他输入（流程变量）/ other inputs (process variables)' : '读取流程变量 / reads process variables'}: ${listOf(read)}`,
    `写入流程变量 / sets process variables: ${listOf(outputs)}`,
  ].join('\n');
  return {
    $schema: ELEMENT_TEMPLATE_SCHEMA,
    id: `sunshine.${definition.topic}`,
    name: `${definition.department} · ${definition.description.zh} / ${definition.description.en}`,
    version: TEMPLATE_VERSION,
    description,
    appliesTo: ['bpmn:ServiceTask'],
    keywords: [definition.department, definition.topic],
    metadata: { department: definition.department, topic: definition.topic, inputs, outputs },
    ...(parameters.length ? { groups: [{ id: 'inputs', label: '输入参数 / Input parameters' }] } : {}),
    properties: [...externalTask(definition.topic), ...parameters.map((parameter) => parameterProperty(parameter, inputSchema.properties?.[parameter.name] ?? {}))],
  };
}

/** The deadline warning step: supervision.warn with level, scope, step, department and due. */
export function deadlineWarningTemplate(definition: TopicDefinition): ElementTemplate {
  const inputs = variablesOf(definition.input, 'input');
  const expression = { value: '^\\s*[$#]\\{.+\\}\\s*$', message: '须为期限变量表达式，如 ${step_Review_deadline} / must be a deadline variable expression such as ${step_Review_deadline}' };
  return {
    $schema: ELEMENT_TEMPLATE_SCHEMA,
    id: DEADLINE_WARNING_TEMPLATE_ID,
    name: `${definition.department} · 期限预警（黄牌/红牌）/ Deadline warning (yellow/red)`,
    version: TEMPLATE_VERSION,
    description: [
      '接在期限计时器之后（环节：边界计时器 ${step_<环节>_yellowAt}/${step_<环节>_deadline}；整案：事件子流程 ${yellowAt}/${deadline}），记录预警；红牌之后接督办任务（候选组 <部门>-head）。',
      'After a deadline timer (a step: boundary timers at ${step_<Step>_yellowAt}/${step_<Step>_deadline}; the case: event sub-processes at ${yellowAt}/${deadline}), records the warning; a red one continues to a supervision order for <department>-head.',
      `主题 / topic: ${definition.topic}`,
    ].join('\n'),
    appliesTo: ['bpmn:ServiceTask'],
    keywords: [definition.department, definition.topic, 'deadline', 'warning', '预警'],
    metadata: { department: definition.department, topic: definition.topic, inputs, outputs: [] },
    groups: [{ id: 'warning', label: '预警 / Warning' }],
    properties: [
      ...externalTask(definition.topic),
      {
        id: 'level',
        label: '级别 / level',
        type: 'Dropdown',
        value: 'yellow',
        choices: [
          { name: '黄牌：临近期限 / yellow: deadline approaching', value: 'yellow' },
          { name: '红牌：已超期 / red: deadline passed', value: 'red' },
        ],
        binding: { type: 'camunda:inputParameter', name: 'level' },
        group: 'warning',
      },
      {
        id: 'scope',
        label: '范围 / scope',
        type: 'Dropdown',
        value: 'step',
        choices: [
          { name: '环节 / one step', value: 'step' },
          { name: '整案 / the whole case', value: 'case' },
        ],
        binding: { type: 'camunda:inputParameter', name: 'scope' },
        group: 'warning',
      },
      {
        id: 'step',
        label: '环节 / step',
        description: '被监控用户任务的 ID，如 Review / the id of the watched user task, e.g. Review',
        type: 'String',
        binding: { type: 'camunda:inputParameter', name: 'step' },
        constraints: { notEmpty: true },
        condition: { property: 'scope', equals: 'step' },
        group: 'warning',
      },
      {
        id: 'department',
        label: '部门 / department',
        description: '负责部门编码（或表达式，如 ${department}）/ the responsible department code (or an expression such as ${department})',
        type: 'String',
        binding: { type: 'camunda:inputParameter', name: 'department' },
        constraints: { notEmpty: true },
        group: 'warning',
      },
      {
        id: 'due',
        label: '期限 / due',
        description: '预警所针对的期限：环节用 ${step_<环节>_deadline}，整案用 ${deadline} / the deadline it is about: ${step_<Step>_deadline} for a step, ${deadline} for the case',
        type: 'String',
        value: '${deadline}',
        binding: { type: 'camunda:inputParameter', name: 'due' },
        constraints: { notEmpty: true, pattern: expression },
        group: 'warning',
      },
    ],
  };
}

/** Every template, by department then topic; the deadline warning right after supervision.warn. */
export function elementTemplates(topics: readonly TopicDefinition[] = TOPICS): ElementTemplate[] {
  const sorted = [...topics].sort((a, b) => a.department.localeCompare(b.department) || a.topic.localeCompare(b.topic));
  return sorted.flatMap((definition) => (definition.topic === 'supervision.warn' ? [topicTemplate(definition), deadlineWarningTemplate(definition)] : [topicTemplate(definition)]));
}
