import { useEffect } from 'react';
import { App, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { patchJson, postJson } from '../api.js';
import { passwordRules } from '../session/passwordRules.js';
import { ROLES, type Role } from '../session/types.js';
import { departmentName } from './departmentName.js';
import { FormModal } from './FormModal.js';
import { USERNAME_PATTERN, type AdminUser, type Department } from './types.js';

interface UserForm {
  username: string;
  displayName: string;
  roles: Role[];
  departmentCode?: string;
  password?: string;
}

const FIELD_NAMES: readonly (keyof UserForm)[] = ['username', 'displayName', 'roles', 'departmentCode', 'password'];

/** Creates a user (with an initial password they must change) or changes name, roles and department. */
export function UserFormModal({ open, user, departments, onClose, onSaved }: { open: boolean; user: AdminUser | null; departments: Department[]; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserForm>();
  const creating = user === null;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user) form.setFieldsValue({ username: user.username, displayName: user.displayName, roles: user.roles, departmentCode: user.departmentCode ?? undefined });
  }, [open, user, form]);

  const save = async (values: UserForm) => {
    const common = { displayName: values.displayName, roles: values.roles, departmentCode: values.departmentCode ?? null };
    if (user === null) await postJson<AdminUser>('/api/admin/users', { ...common, username: values.username, password: values.password });
    else await patchJson<AdminUser>(`/api/admin/users/${encodeURIComponent(user.username)}`, common);
    void message.success(t('admin.saved'));
    onSaved();
  };

  return (
    <FormModal<UserForm> open={open} title={creating ? t('admin.users.create') : t('admin.users.edit')} form={form} fieldNames={FIELD_NAMES} onSave={save} onClose={onClose}>
      <Form.Item
        name="username"
        label={t('admin.users.username')}
        rules={[{ required: true, message: t('admin.required') }, { pattern: USERNAME_PATTERN, message: t('admin.users.usernameInvalid') }]}
      >
        <Input disabled={!creating} autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label={t('admin.users.displayName')} rules={[{ required: true, whitespace: true, message: t('admin.required') }, { max: 100 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="roles" label={t('admin.users.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('admin.users.rolesRequired') }]}>
        <Select mode="multiple" options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
      </Form.Item>
      <Form.Item name="departmentCode" label={t('admin.users.department')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          options={departments.filter((department) => department.active || department.code === user?.departmentCode).map((department) => ({ value: department.code, label: `${departmentName(department)} (${department.code})` }))}
        />
      </Form.Item>
      {creating ? (
        <Form.Item name="password" label={t('admin.users.initialPassword')} extra={t('admin.users.initialPasswordHint')} rules={passwordRules(t)}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
