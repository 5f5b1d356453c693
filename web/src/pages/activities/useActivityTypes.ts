/** The activity types, loaded once and shared, with their names in the chosen language. */
import { useCallback, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { listActivityTypes } from '../../api/activities.ts';
import { keys } from '../../api/keys.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export function useActivityTypes(all = false) {
  return useQuery({
    queryKey: [...keys.activityTypes, all ? 'all' : 'active'],
    queryFn: () => listActivityTypes(all),
    staleTime: 10 * 60_000,
  });
}

/**
 * A type's name from its code in the chosen language; the server's (Chinese) label stands in while
 * the types load or for a type retired since.
 */
export function useTypeLabel(): (code: string, fallback?: string) => string {
  const { lang } = useI18n();
  const types = useActivityTypes(true);
  const byCode = useMemo(
    () => new Map((types.data ?? []).map((x) => [x.code, lang === 'en' ? x.labelEn : x.labelZh])),
    [types.data, lang],
  );
  return useCallback((code, fallback) => byCode.get(code) ?? fallback ?? code, [byCode]);
}
