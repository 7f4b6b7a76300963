import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from './zh-CN.json' with { type: 'json' };
import enJson from './en.json' with { type: 'json' };

export type Messages = typeof zhCN;

// Typed against the Chinese file so a key missing from the English one fails the type check.
const en: Messages = enJson;

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

const STORAGE_KEY = 'sunshine.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be disabled by browser policy; the default language is still usable.
    return DEFAULT_LANGUAGE;
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

export async function setLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembering the choice is acceptable; failing to switch is not.
  }
  await i18n.changeLanguage(language);
}

// Keeps <html lang> truthful for screen readers and browser translation prompts.
i18n.on('languageChanged', (language) => {
  // Guarded so that the pure helpers below can be unit-tested outside a browser.
  if (typeof document !== 'undefined') document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCN },
    en: { translation: en },
  },
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  // React already escapes rendered strings.
  interpolation: { escapeValue: false },
  returnNull: false,
  // No promotional line in every user's console (and in the test output).
  showSupportNotice: false,
});

/**
 * Server messages arrive as "中文 / English"; show only the half matching the UI language.
 * The separator is the first " / ", or "/ " right after a full-width closing bracket
 * ("不同意（说明理由）/ object"). Text without a separator is returned unchanged rather
 * than guessed at.
 */
export function localizeBilingual(message: string, language: Language = currentLanguage()): string {
  const match = /\s\/\s|[）」』】》]\/\s/.exec(message);
  if (!match) return message;
  // The bracket belongs to the Chinese half; whitespace belongs to neither.
  const cut = /^\s/.test(match[0]) ? match.index : match.index + 1;
  const chinese = message.slice(0, cut).trim();
  const english = message.slice(match.index + match[0].length).trim();
  if (!chinese || !english) return message;
  return language === 'en' ? english : chinese;
}

export default i18n;
