import { useEffect } from 'react';
import { App, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { patchJson, postJson } from '../api.js';
import { departmentName } from './departmentName.js';
import { FormModal } from './FormModal.js';
import { DEPARTMENT_CODE_PATTERN, DEPARTMENT_LEVELS, type Department, type DepartmentLevel } from './types.js';

interface DepartmentForm {
  code: string;
  nameZh: string;
  nameEn: string;
  level: DepartmentLevel;
  parentCode?: string;
}

const FIELD_NAMES: readonly (keyof DepartmentForm)[] = ['code', 'nameZh', 'nameEn', 'level', 'parentCode'];
const LEVEL_ORDER: Record<DepartmentLevel, number> = { city: 0, county: 1, township: 2 };

/** Creates a department (`department` null) or renames one; code, level and parent are fixed once created. */
export function DepartmentFormModal({ open, department, departments, onClose, onSaved }: { open: boolean; department: Department | null; departments: Department[]; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DepartmentForm>();
  const level = Form.useWatch('level', form);
  const creating = department === null;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(department ? { code: department.code, nameZh: department.nameZh, nameEn: department.nameEn, level: department.level, parentCode: department.parentCode ?? undefined } : { level: 'city' });
  }, [open, department, form]);

  const save = async (values: DepartmentForm) => {
    if (creating) await postJson<Department>('/api/admin/departments', { ...values, parentCode: values.parentCode ?? null });
    else await patchJson<Department>(`/api/admin/departments/${encodeURIComponent(department.code)}`, { nameZh: values.nameZh, nameEn: values.nameEn });
    void message.success(t('admin.saved'));
    onSaved();
  };

  // A parent may not sit at a lower level than its child (the API checks this too).
  const parents = departments.filter((candidate) => candidate.active && (!level || LEVEL_ORDER[candidate.level] <= LEVEL_ORDER[level]));

  return (
    <FormModal<DepartmentForm> open={open} title={creating ? t('admin.departments.create') : t('admin.departments.rename')} form={form} fieldNames={FIELD_NAMES} onSave={save} onClose={onClose}>
      <Form.Item
        name="code"
        label={t('admin.departments.code')}
        extra={creating ? t('admin.departments.codeHint') : undefined}
        rules={[{ required: true, message: t('admin.required') }, { pattern: DEPARTMENT_CODE_PATTERN, message: t('admin.departments.codeInvalid') }]}
      >
        <Input disabled={!creating} />
      </Form.Item>
      <Form.Item name="nameZh" label={t('admin.departments.nameZh')} rules={[{ required: true, whitespace: true, message: t('admin.required') }, { max: 100 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="nameEn" label={t('admin.departments.nameEn')} rules={[{ required: true, whitespace: true, message: t('admin.required') }, { max: 200 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="level" label={t('admin.departments.level')} rules={[{ required: true, message: t('admin.required') }]}>
        <Select disabled={!creating} options={DEPARTMENT_LEVELS.map((value) => ({ value, label: t(`admin.levels.${value}`) }))} />
      </Form.Item>
      <Form.Item
        name="parentCode"
        label={t('admin.departments.parent')}
        rules={[{ required: creating && level !== 'city', message: t('admin.departments.parentRequired') }]}
      >
        <Select
          disabled={!creating}
          allowClear
          showSearch
          optionFilterProp="label"
          options={parents.map((candidate) => ({ value: candidate.code, label: `${departmentName(candidate)} (${candidate.code})` }))}
        />
      </Form.Item>
    </FormModal>
  );
}
