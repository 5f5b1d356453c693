/**
 * The console's language: zh-CN by default, English on request, remembered in localStorage.
 * Sets the antd locale, the dayjs locale and the Accept-Language of API calls together.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import 'dayjs/locale/en.js';
import { setClientLang } from '../api/client.ts';
import { STRINGS, type StringKey } from './strings.ts';

export type Lang = 'zh-CN' | 'en';
export interface Bilingual {
  zh: string;
  en: string;
}

const STORAGE_KEY = 'liaison.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function applyLang(lang: Lang): void {
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  setClientLang(lang);
  document.documentElement.lang = lang;
}

export type Translate = (key: StringKey, vars?: Record<string, string | number>) => string;

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** A UI string from the dictionary, with {placeholders} filled in. */
  t: Translate;
  /** The right half of a {zh, en} label from the domain vocabularies. */
  label: (text: Bilingual | null | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = initialLang();
    applyLang(l);
    return l;
  });

  useEffect(() => applyLang(lang), [lang]);

  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
    applyLang(next);
    setLangState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const index = lang === 'en' ? 1 : 0;
    const t: Translate = (key, vars) => {
      let text: string = STRINGS[key][index];
      if (vars) for (const [k, v] of Object.entries(vars)) text = text.split(`{${k}}`).join(String(v));
      return text;
    };
    const label = (text: Bilingual | null | undefined) => (text ? (lang === 'en' ? text.en : text.zh) : '');
    return { lang, setLang, t, label };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
