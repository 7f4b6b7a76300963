import { ApiError } from '../api.js';
import { localizeBilingual } from '../i18n/index.js';

/** An antd form field name, e.g. ['project', 'heightM'] or ['files', 'id-card']. */
export type FieldPath = (string | number)[];

export interface ServerIssue {
  /** "project.heightM", "materials.2.contentType" (our checks) or "body.project.heightM" (schema validation). */
  field: string;
  rule: string;
  message: string;
}

export interface PlacedErrors {
  fields: { name: FieldPath; errors: string[] }[];
  /** Issues no field of the form shows; the caller puts them above the form. */
  general: string[];
}

/** Where an issue goes: a field, with the server's message or a better-worded one. */
export interface Placement {
  name: FieldPath;
  text?: string;
}

/**
 * Spreads a 400's details over the form: `resolve` names the form field an issue belongs
 * to (or null). Returns null for any other failure, which the caller reports as a whole.
 */
export function placeServerErrors(error: unknown, resolve: (issue: ServerIssue) => Placement | null): PlacedErrors | null {
  if (!(error instanceof ApiError) || error.status !== 400 || !Array.isArray(error.details)) return null;
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  const general: string[] = [];
  for (const raw of error.details as Record<string, unknown>[]) {
    const issue: ServerIssue = {
      field: typeof raw.field === 'string' ? raw.field.replace(/^body\.?/, '') : '',
      rule: typeof raw.rule === 'string' ? raw.rule : '',
      message: typeof raw.message === 'string' ? raw.message : '',
    };
    const placement = resolve(issue);
    const serverText = localizeBilingual(issue.message) || issue.rule;
    if (placement === null) {
      general.push(issue.field ? `${issue.field}: ${serverText}` : serverText);
      continue;
    }
    const key = JSON.stringify(placement.name);
    const entry = byField.get(key) ?? { name: placement.name, errors: [] };
    entry.errors.push(placement.text ?? serverText);
    byField.set(key, entry);
  }
  return { fields: [...byField.values()], general };
}

/** "materials.2.contentType" → 2; null for other fields. */
export function materialIndex(field: string): number | null {
  const match = /^materials\.(\d+)(?:\.|$)/.exec(field);
  return match ? Number(match[1]) : null;
}

/** A missing mandatory material is reported as { field: "materials", message: "id-card: 名称 / name" }: its code. */
export function missingMaterialCode(issue: ServerIssue): string | null {
  if (issue.field !== 'materials' || issue.rule !== 'mandatory') return null;
  const match = /^([a-z][a-z0-9-]*):/.exec(issue.message);
  return match ? match[1]! : null;
}
