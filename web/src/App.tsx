import { App as AntdApp, ConfigProvider } from 'antd';
import { useTranslation } from 'react-i18next';
import { antdLocale } from './i18n/antdLocale.js';
import { currentLanguage } from './i18n/index.js';
import { AppShell } from './layout/AppShell.js';
import { SessionProvider } from './session/SessionProvider.js';

export function App() {
  // Subscribing here re-renders the provider, and with it antd's own texts, when the language changes.
  useTranslation();

  return (
    <ConfigProvider locale={antdLocale(currentLanguage())}>
      <AntdApp>
        <SessionProvider>
          <AppShell />
        </SessionProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
