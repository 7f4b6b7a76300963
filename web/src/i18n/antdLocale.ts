import type { ConfigProviderProps } from 'antd';
import enUSModule from 'antd/es/locale/en_US.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import type { Language } from './index.js';

type AntdLocale = NonNullable<ConfigProviderProps['locale']>;

/**
 * antd ships no package "type", so under NodeNext TypeScript treats these files as CommonJS and
 * types the default import as the whole module, while Vite hands over the real ESM default.
 * Accepting both shapes keeps the type checker and the bundle agreeing.
 */
function unwrap(module: AntdLocale | { default: AntdLocale }): AntdLocale {
  return 'default' in module ? module.default : module;
}

const zhCN = unwrap(zhCNModule);
const enUS = unwrap(enUSModule);

export function antdLocale(language: Language): AntdLocale {
  return language === 'en' ? enUS : zhCN;
}
