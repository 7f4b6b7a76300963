import type { TFunction } from 'i18next';
import { ApiError } from '../api.js';
import { currentLanguage, localizeBilingual } from './index.js';

/** Turns any thrown value into one sentence in the current UI language. */
export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    switch (error.kind) {
      case 'api':
        return localizeBilingual(error.message, currentLanguage());
      case 'network':
        return t('errors.network');
      case 'unexpected':
        return t('errors.unexpected', { status: error.status });
    }
  }
  return t('errors.generic');
}
