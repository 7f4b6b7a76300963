/**
 * The decision form of a user task comes from the fields the diagram declares
 * (camunda:formData). The same declaration validates the submission on the server and
 * renders the form in the browser.
 *
 * Sunshine reads two camunda:property entries on a field: `multiline` (a text area) and
 * `requiredWhen` ("decision=correction": required when another field has that value),
 * `optionNeeds` ("extend=extensionAvailable": that option only while the case variable is true).
 */
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';

export interface FormField {
  id: string;
  label: string;
  type: 'string' | 'long' | 'boolean' | 'date' | 'enum';
  multiline: boolean;
  required: boolean;
  readonly: boolean;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  options?: { id: string; label: string }[];
  defaultValue?: string;
  requiredWhen?: { field: string; value: string };
  /** An option only a case with this variable true may choose (e.g. extend=extensionAvailable). */
  optionNeeds?: { option: string; variable: string };
}

type Node = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, isArray: (name) => ['formField', 'constraint', 'property', 'value'].includes(name) });

function findElement(node: unknown, id: string): Node | undefined {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findElement(item, id);
      if (found) return found;
    }
    return undefined;
  }
  if (!node || typeof node !== 'object') return undefined;
  const record = node as Node;
  if (record['@id'] === id) return record;
  for (const [key, value] of Object.entries(record)) {
    if (key.startsWith('@')) continue;
    const found = findElement(value, id);
    if (found) return found;
  }
  return undefined;
}

const list = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : []);

function toField(raw: Node): FormField {
  const constraints = new Map(list((raw.validation as Node | undefined)?.constraint).map((c) => [String(c['@name']), c['@config'] === undefined ? '' : String(c['@config'])]));
  const properties = new Map(list((raw.properties as Node | undefined)?.property).map((p) => [String(p['@id']), String(p['@value'] ?? '')]));
  const number = (name: string) => (constraints.has(name) ? Number(constraints.get(name)) : undefined);
  const type = String(raw['@type'] ?? 'string') as FormField['type'];
  const requiredWhen = properties.get('requiredWhen')?.split('=');
  const optionNeeds = properties.get('optionNeeds')?.split('=');
  return {
    id: String(raw['@id']),
    label: String(raw['@label'] ?? raw['@id']),
    type: ['string', 'long', 'boolean', 'date', 'enum'].includes(type) ? type : 'string',
    multiline: properties.get('multiline') === 'true',
    required: constraints.has('required'),
    readonly: constraints.has('readonly'),
    minLength: number('minlength'),
    maxLength: number('maxlength'),
    min: number('min'),
    max: number('max'),
    options: type === 'enum' ? list(raw.value).map((value) => ({ id: String(value['@id']), label: String(value['@name'] ?? value['@id']) })) : undefined,
    defaultValue: raw['@defaultValue'] === undefined ? undefined : String(raw['@defaultValue']),
    requiredWhen: requiredWhen?.length === 2 ? { field: requiredWhen[0]!, value: requiredWhen[1]! } : undefined,
    optionNeeds: optionNeeds?.length === 2 ? { option: optionNeeds[0]!, variable: optionNeeds[1]! } : undefined,
  };
}

/** The form fields declared on one user task of a diagram. */
export function formFieldsOf(bpmnXml: string, taskDefinitionKey: string): FormField[] {
  const element = findElement(parser.parse(bpmnXml), taskDefinitionKey);
  const formData = (element?.extensionElements as Node | undefined)?.formData as Node | undefined;
  return list(formData?.formField).map(toField);
}

function fieldSchema(field: FormField): z.ZodType {
  switch (field.type) {
    case 'long': {
      let schema = z.number().int();
      if (field.min !== undefined) schema = schema.min(field.min);
      if (field.max !== undefined) schema = schema.max(field.max);
      return schema;
    }
    case 'boolean':
      return z.boolean();
    case 'date':
      return z.iso.date();
    case 'enum':
      return z.enum((field.options ?? []).map((option) => option.id) as [string, ...string[]]);
    default: {
      let schema = z.string().trim();
      if (field.minLength !== undefined) schema = schema.min(field.minLength);
      if (field.maxLength !== undefined) schema = schema.max(field.maxLength);
      return schema;
    }
  }
}

/** Validates a submission against the declared fields (unknown and read-only fields refused). */
export function formSchema(fields: FormField[]) {
  const editable = fields.filter((field) => !field.readonly);
  const shape = Object.fromEntries(editable.map((field) => [field.id, field.required ? fieldSchema(field) : fieldSchema(field).optional()]));
  return z.strictObject(shape).superRefine((values, ctx) => {
    for (const field of editable) {
      const when = field.requiredWhen;
      const value = (values as Record<string, unknown>)[field.id];
      if (when && (values as Record<string, unknown>)[when.field] === when.value && (value === undefined || value === '')) {
        ctx.addIssue({ code: 'custom', path: [field.id], message: `${field.label}：当 ${when.field} 为 ${when.value} 时必填 / required when ${when.field} is ${when.value}` });
      }
    }
  });
}
