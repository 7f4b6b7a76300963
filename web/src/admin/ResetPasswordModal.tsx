import { useEffect } from 'react';
import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { patchJson } from '../api.js';
import { passwordRules } from '../session/passwordRules.js';
import { FormModal } from './FormModal.js';
import type { AdminUser } from './types.js';

/** Sets a new password; the user must change it at the next login and is logged out elsewhere. */
export function ResetPasswordModal({ user, onClose, onSaved }: { user: AdminUser | null; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();

  useEffect(() => {
    if (!user) return;
    form.resetFields();
  }, [user, form]);

  const save = async ({ password }: { password: string }) => {
    if (!user) return;
    await patchJson<AdminUser>(`/api/admin/users/${encodeURIComponent(user.username)}`, { password });
    void message.success(t('admin.users.passwordReset', { name: user.username }));
    onSaved();
  };

  return (
    <FormModal<{ password: string }> open={user !== null} title={t('admin.users.resetTitle', { name: user?.username ?? '' })} form={form} onSave={save} onClose={onClose}>
      <Form.Item name="password" label={t('admin.users.newPassword')} extra={t('admin.users.initialPasswordHint')} rules={passwordRules(t)}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
