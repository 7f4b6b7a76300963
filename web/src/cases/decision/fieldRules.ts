import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { localizeBilingual } from '../../i18n/index.js';
import type { FormFieldDef } from '../types.js';

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** The client-side copy of the server's rules for one declared field (src/tasks/form-fields.ts). */
export function fieldRules(field: FormFieldDef, t: TFunction): FormRule[] {
  if (field.readonly) return [];
  const label = localizeBilingual(field.label);
  const rules: FormRule[] = [];
  if (field.required && field.type !== 'boolean') rules.push({ required: true, message: t('decision.rules.required', { label }) });

  if (field.type === 'string') {
    // The server trims before measuring, so the client does too.
    rules.push({
      validator: async (_rule, value: unknown) => {
        if (typeof value !== 'string' || value.trim() === '') return;
        const length = value.trim().length;
        if (field.minLength !== undefined && length < field.minLength) throw new Error(t('decision.rules.minLength', { label, count: field.minLength }));
        if (field.maxLength !== undefined && length > field.maxLength) throw new Error(t('decision.rules.maxLength', { label, count: field.maxLength }));
      },
    });
  }

  if (field.type === 'long') {
    rules.push({
      validator: async (_rule, value: unknown) => {
        if (value === undefined || value === null) return;
        if (typeof value !== 'number' || !Number.isInteger(value)) throw new Error(t('decision.rules.integer', { label }));
        if (field.min !== undefined && value < field.min) throw new Error(t('decision.rules.min', { label, min: field.min }));
        if (field.max !== undefined && value > field.max) throw new Error(t('decision.rules.max', { label, max: field.max }));
      },
    });
  }

  const when = field.requiredWhen;
  if (when) {
    rules.push(({ getFieldValue }) => ({
      validator: async (_rule, value: unknown) => {
        if (getFieldValue(when.field) === when.value && isEmpty(value)) throw new Error(t('decision.rules.required', { label }));
      },
    }));
  }
  return rules;
}
