import type { TFunction } from 'i18next';
import { ApiError } from '../../api.js';
import { localizeBilingual } from '../../i18n/index.js';
import type { FormFieldDef } from '../types.js';

/** What antd's DatePicker hands over (a Day.js object); only its formatting is needed here. */
interface DateLike {
  format(template: string): string;
}

const isDateLike = (value: unknown): value is DateLike => typeof value === 'object' && value !== null && typeof (value as DateLike).format === 'function';

/** Initial values from the diagram's defaults (dates need a Day.js object and start empty). */
export function initialValues(fields: FormFieldDef[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const fallback = field.type === 'boolean' ? false : undefined;
    if (field.defaultValue === undefined) {
      if (fallback !== undefined) values[field.id] = fallback;
      continue;
    }
    if (field.type === 'long') values[field.id] = Number(field.defaultValue);
    else if (field.type === 'boolean') values[field.id] = field.defaultValue === 'true';
    else if (field.type !== 'date') values[field.id] = field.defaultValue;
  }
  return values;
}

/**
 * The values to send: read-only fields left out (the server refuses them), strings
 * trimmed, empty optional fields left out, dates as YYYY-MM-DD.
 */
export function toSubmission(fields: FormFieldDef[], values: Record<string, unknown>): Record<string, unknown> {
  const submission: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.readonly) continue;
    const value = values[field.id];
    if (value === undefined || value === null) continue;
    switch (field.type) {
      case 'string':
        if (typeof value === 'string' && value.trim() !== '') submission[field.id] = value.trim();
        break;
      case 'date':
        if (isDateLike(value)) submission[field.id] = value.format('YYYY-MM-DD');
        else if (typeof value === 'string' && value) submission[field.id] = value;
        break;
      default:
        submission[field.id] = value;
    }
  }
  return submission;
}

interface ServerIssue {
  field?: unknown;
  rule?: unknown;
  message?: unknown;
}

export interface MappedErrors {
  /** Per field id, for form.setFields. */
  fields: { name: string; errors: string[] }[];
  /** Issues that belong to no known field (e.g. an unknown value sent). */
  general: string[];
}

/** Maps a 400's details ([{ field: "values.x", rule, message }]) back onto the form's fields. */
export function mapServerErrors(error: unknown, fields: FormFieldDef[], t: TFunction): MappedErrors | null {
  if (!(error instanceof ApiError) || error.status !== 400 || !Array.isArray(error.details)) return null;
  const byField = new Map<string, string[]>();
  const general: string[] = [];
  for (const issue of error.details as ServerIssue[]) {
    const path = typeof issue.field === 'string' ? issue.field.replace(/^values\.?/, '') : '';
    const field = fields.find((candidate) => candidate.id === path);
    const text = issueText(issue, field, t);
    if (field) byField.set(field.id, [...(byField.get(field.id) ?? []), text]);
    else general.push(text);
  }
  return { fields: [...byField].map(([name, errors]) => ({ name, errors })), general };
}

function issueText(issue: ServerIssue, field: FormFieldDef | undefined, t: TFunction): string {
  const label = field ? localizeBilingual(field.label) : '';
  switch (issue.rule) {
    case 'too_small':
      return t('decision.server.tooSmall', { label });
    case 'too_big':
      return t('decision.server.tooBig', { label });
    case 'invalid_type':
      return t('decision.server.invalidType', { label });
    case 'invalid_value':
      return t('decision.server.invalidValue', { label });
    case 'custom':
      // requiredWhen: the server's text embeds the bilingual label, so it is worded here instead.
      return t('decision.rules.required', { label });
    default:
      return typeof issue.message === 'string' ? localizeBilingual(issue.message) : t('errors.generic');
  }
}
