/**
 * Things every page asks for at most once per visit: the categories and the privacy notice.
 * A failed fetch is forgotten, so the next use asks again.
 */
import { useEffect, useState } from 'preact/hooks';
import { API, getJson } from './api.ts';
import type { PublicCategory } from './types.ts';

export interface PrivacyNotice {
  version: string;
  text: string;
}

function once<T>(url: string): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= getJson<T>(url).catch((err: unknown) => {
      pending = null;
      throw err;
    });
    return pending;
  };
}

export const loadCategories = once<PublicCategory[]>(`${API}/categories`);
export const loadPrivacyNotice = once<PrivacyNotice>(`${API}/privacy-notice`);

/** The categories by code (empty until they arrive; a page works without them). */
export function useCategories(): PublicCategory[] {
  const [list, setList] = useState<PublicCategory[]>([]);
  useEffect(() => {
    let live = true;
    loadCategories().then(
      (c) => live && setList(c),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return list;
}

export function categoryName(list: readonly PublicCategory[], code: string | null): string | null {
  if (!code) return null;
  return list.find((c) => c.code === code)?.nameZh ?? null;
}
