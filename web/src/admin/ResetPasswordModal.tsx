import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { patchJson } from '../api.js';
import { describeError } from '../i18n/describeError.js';
import { passwordRules } from '../session/passwordRules.js';
import type { AdminUser } from './types.js';

/** Sets a new password; the user must change it at the next login and is logged out elsewhere. */
export function ResetPasswordModal({ user, onClose, onSaved }: { user: AdminUser | null; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!user) return;
    setError(null);
    form.resetFields();
  }, [user, form]);

  const save = async ({ password }: { password: string }) => {
    if (!user) return;
    setSaving(true);
    setError(null);
    try {
      await patchJson<AdminUser>(`/api/admin/users/${encodeURIComponent(user.username)}`, { password });
      void message.success(t('admin.users.passwordReset', { name: user.username }));
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={t('admin.users.resetTitle', { name: user?.username ?? '' })}
      okText={t('admin.save')}
      cancelText={t('admin.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      {error ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={describeError(error, t)} /> : null}
      <Form<{ password: string }> form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item name="password" label={t('admin.users.newPassword')} extra={t('admin.users.initialPasswordHint')} rules={passwordRules(t)}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
