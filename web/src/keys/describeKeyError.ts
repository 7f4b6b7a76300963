import type { TFunction } from 'i18next';
import { describeError } from '../i18n/describeError.js';
import { KeyError } from './KeyError.js';

/** Key problems in the page's own words; API and network failures as everywhere else. */
export function describeKeyError(error: unknown, t: TFunction): string {
  if (error instanceof KeyError) return t(`keys.errors.${error.reason}`, error.values);
  return describeError(error, t);
}
