/**
 * Options for selects and filters from the domain's label tables (org.domain.ts, auth.domain.ts):
 * the vocabulary lives there, once, in both languages.
 */
import type { Bilingual } from './I18nProvider.tsx';

export interface LabelOption<T extends string> {
  value: T;
  label: string;
}

export function optionsOf<T extends string>(
  labels: Record<T, Bilingual>,
  lang: 'zh-CN' | 'en',
  only?: readonly T[],
): LabelOption<T>[] {
  const values = only ?? (Object.keys(labels) as T[]);
  return values.map((value) => ({ value, label: lang === 'en' ? labels[value].en : labels[value].zh }));
}

export function labelOf<T extends string>(
  labels: Record<T, Bilingual>,
  value: T | null | undefined,
  lang: 'zh-CN' | 'en',
): string {
  if (!value) return '';
  const entry = labels[value] as Bilingual | undefined;
  if (!entry) return value;
  return lang === 'en' ? entry.en : entry.zh;
}
