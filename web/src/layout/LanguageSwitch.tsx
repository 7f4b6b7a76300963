import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, currentLanguage, setLanguage, type Language } from '../i18n/index.js';

export function LanguageSwitch() {
  const { t } = useTranslation();

  return (
    <Segmented<Language>
      data-testid="language-switch"
      aria-label={t('language.switchLabel')}
      value={currentLanguage()}
      options={LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
      onChange={(language) => void setLanguage(language)}
    />
  );
}
