import { App, Button, Space, Typography, theme } from 'antd';
import { KeyOutlined, LoginOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { describeError } from '../i18n/describeError.js';
import { currentLanguage } from '../i18n/index.js';
import { currentLocation, navigate, useLocation } from '../navigation.js';
import { useSession } from './SessionContext.js';

/** Header corner: who is logged in (name and department in the UI language), password and logout. */
export function UserMenu() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const session = useSession();
  const location = useLocation();

  if (session.status === 'loading') return null;
  if (!session.user) {
    if (location.path === '/login') return null;
    return (
      <Button icon={<LoginOutlined />} data-testid="header-login" onClick={() => navigate(`/login?next=${encodeURIComponent(currentLocation().href)}`)}>
        {t('session.login')}
      </Button>
    );
  }

  const { user } = session;
  const department = user.department ? (currentLanguage() === 'en' ? user.department.nameEn : user.department.nameZh) : null;
  const logout = async () => {
    try {
      await session.logout();
    } catch (error) {
      void message.error(describeError(error, t));
    }
    navigate('/login', { replace: true });
  };

  return (
    <Space size="middle" wrap={false}>
      <Space size="small" data-testid="header-user" style={{ color: token.colorWhite, whiteSpace: 'nowrap' }}>
        <UserOutlined aria-hidden />
        <Typography.Text strong style={{ color: token.colorWhite }}>
          {user.displayName}
        </Typography.Text>
        {department ? (
          <Typography.Text data-testid="header-department" style={{ color: token.colorTextLightSolid, opacity: 0.75 }}>
            {department}
          </Typography.Text>
        ) : null}
      </Space>
      <Button size="small" icon={<KeyOutlined />} onClick={() => navigate('/password')} aria-label={t('session.changePassword')}>
        {t('session.changePassword')}
      </Button>
      <Button size="small" icon={<LogoutOutlined />} data-testid="logout" onClick={() => void logout()}>
        {t('session.logout')}
      </Button>
    </Space>
  );
}
