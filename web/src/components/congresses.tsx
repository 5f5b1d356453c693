/** Congresses and routing categories: small lists, loaded once and shared. */
import { useCallback, useMemo } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { listCategories, listCongresses } from '../api/congresses.ts';
import { keys } from '../api/keys.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function useCongresses() {
  return useQuery({ queryKey: keys.congresses, queryFn: () => listCongresses(), staleTime: 5 * 60_000 });
}

export function useCategories() {
  return useQuery({ queryKey: keys.categories, queryFn: listCategories, staleTime: 30 * 60_000 });
}

/** A category's name in the chosen language from its code (the code itself while loading or unknown). */
export function useCategoryName(): (code: string | null | undefined) => string {
  const { lang } = useI18n();
  const categories = useCategories();
  const byCode = useMemo(
    () => new Map((categories.data ?? []).map((c) => [c.code, lang === 'en' ? c.nameEn : c.nameZh])),
    [categories.data, lang],
  );
  return useCallback((code) => (code ? (byCode.get(code) ?? code) : ''), [byCode]);
}

export function CongressSelect({
  value,
  onChange,
  id,
  status,
  placeholder,
  disabledIds,
}: {
  value?: number | null;
  onChange?: (id: number | undefined) => void;
  id?: string;
  status?: '' | 'error' | 'warning';
  placeholder?: string;
  disabledIds?: readonly number[];
}) {
  const { t } = useI18n();
  const congresses = useCongresses();
  return (
    <Select<number>
      id={id}
      status={status}
      style={{ width: '100%' }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      placeholder={placeholder ?? t('picker.congress')}
      loading={congresses.isPending}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      options={(congresses.data ?? []).map((c) => ({
        value: c.id,
        label: c.name,
        disabled: disabledIds?.includes(c.id) && c.id !== value,
      }))}
    />
  );
}

export function CategorySelect({
  value,
  onChange,
  multiple,
  placeholder,
  id,
}: {
  value?: string | string[];
  onChange?: (v: string | string[] | undefined) => void;
  multiple?: boolean;
  placeholder?: string;
  id?: string;
}) {
  const { t, lang } = useI18n();
  const categories = useCategories();
  return (
    <Select<string | string[]>
      id={id}
      style={{ width: '100%' }}
      mode={multiple ? 'multiple' : undefined}
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder={placeholder ?? t('picker.category')}
      loading={categories.isPending}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      maxTagCount="responsive"
      options={(categories.data ?? []).map((c) => ({
        value: c.code,
        label: lang === 'en' ? c.nameEn : c.nameZh,
      }))}
    />
  );
}
