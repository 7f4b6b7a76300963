import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isForbidden } from '../api.js';
import { describeError } from '../i18n/describeError.js';
import { ForbiddenPage } from './ForbiddenPage.js';

/** A page's data could not be loaded: the 403 page for a refusal, otherwise the reason and a retry. */
export function LoadError({ error, title, onRetry }: { error: unknown; title: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (isForbidden(error)) return <ForbiddenPage />;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="load-error"
      title={title}
      description={describeError(error, t)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
