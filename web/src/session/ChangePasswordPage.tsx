import { Alert, App, Button, Card, Form, Input, Typography, type FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import { postJson } from '../api.js';
import { useSubmit } from '../common/useSubmit.js';
import { describeError } from '../i18n/describeError.js';
import { navigate, safeNextPath } from '../navigation.js';
import type { PageProps } from '../pageProps.js';
import { homePath } from './home.js';
import { useSession } from './SessionContext.js';
import { passwordRules } from './passwordRules.js';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Checks against another field; that field must be in the item's `dependencies` so that editing it re-checks this one. */
function crossFieldRule(other: keyof PasswordForm, fails: (value: string, otherValue: unknown) => boolean, message: string): FormRule {
  return ({ getFieldValue }) => ({
    validator: async (_rule, value: string | undefined) => {
      // An empty value is `required`'s to report.
      if (value && fails(value, getFieldValue(other))) throw new Error(message);
    },
  });
}

export function ChangePasswordPage({ query }: PageProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const { busy: saving, error, run } = useSubmit();
  const next = safeNextPath(query.get('next'));

  const submit = async ({ currentPassword, newPassword }: PasswordForm) => {
    await postJson<null>('/api/auth/password', { currentPassword, newPassword });
    await session.refresh();
    void message.success(t('password.changed'));
    navigate(next ?? homePath(session.user), { replace: true });
  };

  return (
    <Card style={{ maxWidth: 480 }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('password.title')}
      </Typography.Title>
      {session.user?.mustChangePassword ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('password.mustChange')} /> : null}
      {error ? <Alert data-testid="password-error" type="error" showIcon style={{ marginBottom: 16 }} title={describeError(error, t)} /> : null}
      <Form<PasswordForm> layout="vertical" onFinish={(values) => void run(() => submit(values))} disabled={saving}>
        <Form.Item label={t('password.current')} name="currentPassword" rules={[{ required: true, message: t('password.currentRequired') }]}>
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          label={t('password.new')}
          name="newPassword"
          dependencies={['currentPassword']}
          extra={t('password.rule')}
          rules={[...passwordRules(t), crossFieldRule('currentPassword', (value, current) => value === current, t('password.same'))]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          label={t('password.confirm')}
          name="confirm"
          dependencies={['newPassword']}
          rules={[{ required: true, message: t('password.confirmRequired') }, crossFieldRule('newPassword', (value, fresh) => value !== fresh, t('password.mismatch'))]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="password-submit">
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
