import type { FormInstance } from 'antd';
import { ApiError } from '../api.js';

/** Puts a 400's field errors ({ field: "body.username", message }) on the form; false if none matched. */
export function applyServerErrors(form: FormInstance, error: unknown, fieldNames: readonly string[]): boolean {
  if (!(error instanceof ApiError) || error.status !== 400 || !Array.isArray(error.details)) return false;
  const fields = (error.details as { field?: unknown; message?: unknown }[])
    .map((detail) => ({ name: typeof detail.field === 'string' ? detail.field.replace(/^body\.?/, '') : '', message: typeof detail.message === 'string' ? detail.message : '' }))
    .filter((detail) => fieldNames.includes(detail.name));
  if (fields.length === 0) return false;
  form.setFields(fields.map((field) => ({ name: field.name, errors: [field.message] })));
  return true;
}
