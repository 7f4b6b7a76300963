import { useEffect } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { useSubmit } from '../common/useSubmit.js';
import { describeError } from '../i18n/describeError.js';
import { navigate, safeNextPath } from '../navigation.js';
import type { PageProps } from '../pageProps.js';
import { homePath } from './home.js';
import { useSession } from './SessionContext.js';

interface Credentials {
  username: string;
  password: string;
}

export function LoginPage({ query }: PageProps) {
  const { t } = useTranslation();
  const session = useSession();
  const { busy: submitting, error, run } = useSubmit();
  const next = safeNextPath(query.get('next'));

  // Once logged in (just now, or already when arriving here) the user goes on: first to the
  // password page if the administrator set the password, then back where they came from.
  useEffect(() => {
    const user = session.user;
    if (session.status !== 'authenticated' || !user) return;
    if (user.mustChangePassword) navigate(`/password${next ? `?next=${encodeURIComponent(next)}` : ''}`, { replace: true });
    else navigate(next ?? homePath(user), { replace: true });
  }, [session.status, session.user, next]);

  const submit = ({ username, password }: Credentials) => run(() => session.login(username.trim(), password));

  const locked = error instanceof ApiError && (error.status === 423 || error.status === 429);

  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 48 }}>
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('login.title')}
        </Typography.Title>
        {next ? (
          <Typography.Paragraph type="secondary">{t('login.needed')}</Typography.Paragraph>
        ) : null}
        {error ? (
          <Alert
            data-testid="login-error"
            role="alert"
            type={locked ? 'warning' : 'error'}
            showIcon
            style={{ marginBottom: 16 }}
            title={locked ? t('login.locked') : t('login.failed')}
            description={describeError(error, t)}
          />
        ) : null}
        <Form<Credentials> layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)} disabled={submitting}>
          <Form.Item label={t('login.username')} name="username" rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
            <Input data-testid="login-username" prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password data-testid="login-password" prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button data-testid="login-submit" type="primary" htmlType="submit" block loading={submitting}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
