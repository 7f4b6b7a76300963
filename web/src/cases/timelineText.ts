import type { TFunction } from 'i18next';
import { localizeBilingual } from '../i18n/index.js';
import type { TimelineEntry } from './types.js';

/** Warnings and pauses are worded from the entry's fields (the step by its name); the rest is the server's text. */
export function timelineText(entry: TimelineEntry, t: TFunction, stepName: (step: string) => string): string {
  if (entry.kind === 'warning' && entry.level) {
    const level = entry.level === 'red' ? t('cases.timeline.red') : t('cases.timeline.yellow');
    return entry.step ? t('cases.timeline.warningStep', { level, step: stepName(entry.step) }) : t('cases.timeline.warningCase', { level });
  }
  if (entry.kind === 'pause' && entry.reasonLabel) return t('cases.timeline.pausedFor', { reason: localizeBilingual(entry.reasonLabel) });
  return localizeBilingual(entry.text);
}

export function isRedWarning(entry: TimelineEntry): boolean {
  return entry.kind === 'warning' && entry.level === 'red';
}
