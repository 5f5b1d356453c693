/** antd in the chosen language, with the console's theme and one empty state everywhere. */
import type { ReactNode } from 'react';
import { App, ConfigProvider, Empty } from 'antd';
import type { Locale } from 'antd/es/locale/index.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import enUSModule from 'antd/es/locale/en_US.js';
import { useI18n } from './i18n/I18nProvider.tsx';
import { appTheme } from './theme.ts';

/**
 * antd ships its locales as ES modules without "type": "module", so TypeScript (NodeNext) types the
 * default import as the CommonJS wrapper while Vite hands over the locale itself: accept both.
 */
function unwrap(m: Locale | { default: Locale }): Locale {
  return 'default' in m ? m.default : m;
}
const zhCN = unwrap(zhCNModule as Locale | { default: Locale });
const enUS = unwrap(enUSModule as Locale | { default: Locale });

export function AntdProvider({ children }: { children: ReactNode }) {
  const { lang, t } = useI18n();
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={appTheme}
      renderEmpty={() => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />}
    >
      <App>{children}</App>
    </ConfigProvider>
  );
}
