import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../navigation.js';
import { homePath } from '../session/home.js';
import { useSession } from '../session/SessionContext.js';

/** 403: shown when the API refuses a page's data, and for routes the user's roles do not open. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <div data-testid="forbidden-page">
      <Result
        status="403"
        title={t('forbidden.title')}
        subTitle={t('forbidden.description')}
        extra={
          <Button type="primary" onClick={() => navigate(homePath(user))}>
            {t('forbidden.back')}
          </Button>
        }
      />
    </div>
  );
}
