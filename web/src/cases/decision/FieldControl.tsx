import { DatePicker, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { localizeBilingual } from '../../i18n/index.js';
import type { FormFieldDef } from '../types.js';
import { fieldRules } from './fieldRules.js';

/** Few options read best as radio buttons; many as a drop-down. */
const MAX_RADIO_OPTIONS = 4;

/**
 * Form.Item injects value/checked, onChange and the id its label points at into its direct
 * child; they are passed on to the antd control unchanged.
 */
type Injected = Record<string, unknown>;

function Control({ field, disabled, ...injected }: { field: FormFieldDef; disabled: boolean } & Injected) {
  const off = disabled || field.readonly;
  const props = injected as Record<string, never>;
  switch (field.type) {
    case 'enum': {
      const options = (field.options ?? []).map((option) => ({ value: option.id, label: localizeBilingual(option.label) }));
      return options.length <= MAX_RADIO_OPTIONS ? (
        <Radio.Group {...props} disabled={off} options={options} />
      ) : (
        <Select {...props} disabled={off} options={options} allowClear={!field.required} showSearch optionFilterProp="label" />
      );
    }
    case 'long':
      return <InputNumber {...props} disabled={off} precision={0} min={field.min} max={field.max} style={{ width: 200 }} />;
    case 'boolean':
      return <Switch {...props} disabled={off} />;
    case 'date':
      return <DatePicker {...props} disabled={off} />;
    default:
      return field.multiline ? (
        <Input.TextArea {...props} disabled={off} autoSize={{ minRows: 3, maxRows: 10 }} maxLength={field.maxLength} showCount={field.maxLength !== undefined} />
      ) : (
        <Input {...props} disabled={off} maxLength={field.maxLength} />
      );
  }
}

/** One declared form field as the matching antd control, with its rules; `requiredWhen` marks it required live. */
export function FieldControl({ field, disabled }: { field: FormFieldDef; disabled: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const when = field.requiredWhen;
  const watched: unknown = Form.useWatch((values: Record<string, unknown>) => (when ? values[when.field] : undefined), form);
  const required = field.required || (when !== undefined && watched === when.value);

  return (
    <div data-testid={`field-${field.id}`}>
      <Form.Item
        name={field.id}
        label={localizeBilingual(field.label)}
        required={required && !field.readonly && field.type !== 'boolean'}
        rules={fieldRules(field, t)}
        dependencies={when ? [when.field] : undefined}
        valuePropName={field.type === 'boolean' ? 'checked' : 'value'}
      >
        <Control field={field} disabled={disabled} />
      </Form.Item>
    </div>
  );
}
