/** Element templates generated from the worker registry, validated against the Camunda 7 schema. */
import { getSchemaVersion, validate, validateAll } from '@bpmn-io/element-templates-validator';
import { describe, expect, it } from 'vitest';
import { DEADLINE_WARNING_TEMPLATE_ID, elementTemplates, PARAMETERS, topicTemplate } from '../../src/designer/element-templates.js';
import { TOPICS } from '../../workers/registry.js';

const templates = elementTemplates();

describe('element templates', () => {
  it('has one template per registered topic plus the deadline warning step', () => {
    expect(templates.map((template) => template.id).sort()).toEqual([...TOPICS.map((topic) => `sunshine.${topic.topic}`), DEADLINE_WARNING_TEMPLATE_ID].sort());
    expect(new Set(templates.map((template) => template.id)).size).toBe(templates.length);
  });

  it('validates against the Camunda 7 element template schema', () => {
    const result = validateAll(templates);
    expect(result.results.filter((entry) => !entry.valid).map((entry) => entry.errors)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(getSchemaVersion()).toMatch(/^\d+\.\d+/);
    // The validator does catch a broken template (so the check above means something).
    expect(validate({ ...templates[0]!, properties: [{ type: 'Hidden', value: 'x', binding: { type: 'nonsense' } }] }).valid).toBe(false);
  });

  it('makes each service task an external task on its topic, named and grouped by department', () => {
    for (const topic of TOPICS) {
      const template = templates.find((candidate) => candidate.id === `sunshine.${topic.topic}`)!;
      expect(template.$schema).toBe('https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json');
      expect(template.appliesTo).toEqual(['bpmn:ServiceTask']);
      expect(template.name).toContain(`${topic.description.zh} / ${topic.description.en}`);
      expect(template.name.startsWith(`${topic.department} · `)).toBe(true);
      expect(template.metadata.department).toBe(topic.department);
      expect(template.properties).toContainEqual({ type: 'Hidden', value: 'external', binding: { type: 'property', name: 'camunda:type' } });
      expect(template.properties).toContainEqual({ type: 'Hidden', value: topic.topic, binding: { type: 'property', name: 'camunda:topic' } });
    }
    const departments = templates.map((template) => template.metadata.department);
    expect(departments).toEqual([...departments].sort());
  });

  it('documents every input and output of the topic schemas', () => {
    const check = templates.find((template) => template.id === 'sunshine.demo.check-materials')!;
    expect(check.metadata.inputs).toEqual([
      { name: 'applicant', type: 'string', optional: false },
      { name: 'materials', type: 'string[]', optional: false },
    ]);
    expect(check.description).toContain('reads process variables: applicant: string; materials: string[]');
    expect(check.description).toContain('sets process variables: materialsComplete: true; checkedAt: date-time');
    for (const topic of TOPICS) {
      const template = topicTemplate(topic);
      for (const input of Object.keys((topic.input as unknown as { shape?: object }).shape ?? {})) expect(template.description, topic.topic).toContain(input);
      for (const output of Object.keys((topic.output as unknown as { shape?: object }).shape ?? {})) expect(template.description, topic.topic).toContain(output);
    }
  });

  it('offers the inputs diagrams set on the task as input parameters', () => {
    for (const [topic, names] of Object.entries(PARAMETERS)) {
      const definition = TOPICS.find((candidate) => candidate.topic === topic)!;
      const template = topicTemplate(definition);
      const parameters = template.properties.filter((property) => property.binding.type === 'camunda:inputParameter').map((property) => property.binding.name);
      expect(parameters).toEqual(names);
    }
    const warn = templates.find((template) => template.id === 'sunshine.supervision.warn')!;
    expect(warn.properties.find((property) => property.binding.name === 'level')).toMatchObject({ type: 'Dropdown', choices: [{ value: 'yellow' }, { value: 'red' }], constraints: { notEmpty: true } });
  });

  it('gives the deadline warning step level, scope, step (for a step), department and due', () => {
    const warning = templates.find((template) => template.id === DEADLINE_WARNING_TEMPLATE_ID)!;
    const byName = Object.fromEntries(warning.properties.filter((property) => property.binding.type === 'camunda:inputParameter').map((property) => [property.binding.name, property]));
    expect(Object.keys(byName)).toEqual(['level', 'scope', 'step', 'department', 'due']);
    expect(warning.properties).toContainEqual({ type: 'Hidden', value: 'supervision.warn', binding: { type: 'property', name: 'camunda:topic' } });
    expect(byName.step).toMatchObject({ condition: { property: 'scope', equals: 'step' }, constraints: { notEmpty: true } });
    expect(byName.due).toMatchObject({ value: '${deadline}', constraints: { pattern: { value: expect.any(String) } } });
    expect(new RegExp(byName.due!.constraints!.pattern!.value).test('${step_Review_deadline}')).toBe(true);
    expect(new RegExp(byName.due!.constraints!.pattern!.value).test('2027-01-01')).toBe(false);
  });
});
