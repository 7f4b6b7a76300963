import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate, useLocation } from '../navigation.js';
import { useSession } from './SessionContext.js';

/** Reminds a user whose password an administrator set to choose their own, on every page but the password page. */
export function MustChangePasswordBanner() {
  const { t } = useTranslation();
  const { user } = useSession();
  const location = useLocation();
  if (!user?.mustChangePassword || location.path === '/password') return null;
  return (
    <Alert
      data-testid="must-change-password"
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('password.mustChange')}
      action={
        <Button size="small" type="primary" onClick={() => navigate(`/password?next=${encodeURIComponent(location.href)}`)}>
          {t('password.changeNow')}
        </Button>
      }
    />
  );
}
