/**
 * The one way the console shows an error: the server's message in the chosen language as a toast,
 * and each field error under its form field (path '/name' → field name, '/seats/0/delegation' →
 * ['seats', 0, 'delegation']). Field errors that match no field are listed in the toast.
 */
import { useCallback } from 'react';
import { Alert, App, Button, Result } from 'antd';
import type { FormInstance } from 'antd';
import { isApiError, type ApiError } from '../api/client.ts';
import { useI18n, type Lang } from '../i18n/I18nProvider.tsx';

type NamePath = (string | number)[];

/** '/seats/0/delegation' → ['seats', 0, 'delegation']; 'querystring:/page' → null (not a form field). */
export function pathToName(path: string): NamePath | null {
  if (path.includes(':')) return null;
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return null;
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
}

export function problemText(err: unknown, lang: Lang): string {
  if (isApiError(err)) {
    const m = err.problem.messages;
    return (m ? m[lang] : undefined) ?? err.problem.detail ?? err.problem.title;
  }
  if (err instanceof Error) return err.message;
  return String(err);
}

function fieldText(e: ApiError['fieldErrors'][number], lang: Lang): string {
  return e.messages?.[lang] ?? e.message;
}

function sameName(a: NamePath, b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}

/**
 * Put the server's field errors on the form. Returns the messages that found no field.
 * `aliases` maps a server path to a differently named form field (e.g. '/password' → 'newPassword').
 */
export function applyFieldErrors(
  form: FormInstance,
  err: ApiError,
  lang: Lang,
  aliases: Record<string, NamePath> = {},
): string[] {
  const registered = form.getFieldsError().map((f) => f.name);
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const leftover: string[] = [];
  for (const e of err.fieldErrors) {
    const name = aliases[e.path] ?? pathToName(e.path);
    const match = name ? registered.find((r) => sameName(name, r)) : undefined;
    if (!name || !match) {
      leftover.push(fieldText(e, lang));
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(fieldText(e, lang));
    byField.set(key, entry);
  }
  if (byField.size > 0) {
    form.setFields([...byField.values()].map((f) => ({ name: f.name, errors: f.errors })));
    const first = [...byField.values()][0];
    if (first) form.scrollToField(first.name, { block: 'center', behavior: 'smooth' });
  }
  return leftover;
}

export interface ReportOptions {
  form?: FormInstance;
  aliases?: Record<string, NamePath>;
}

/** `report(err, { form })`: toast plus inline field errors. Redirect-worthy errors (401, expired password) are left to the client. */
export function useReportError() {
  const { message } = App.useApp();
  const { lang } = useI18n();
  return useCallback(
    (err: unknown, options: ReportOptions = {}) => {
      if (
        isApiError(err) &&
        (err.code === 'UNAUTHENTICATED' || err.code === 'SESSION_EXPIRED' || err.code === 'PASSWORD_EXPIRED')
      )
        return;
      const main = problemText(err, lang);
      let extra: string[] = [];
      if (isApiError(err)) {
        extra = options.form
          ? applyFieldErrors(options.form, err, lang, options.aliases)
          : err.fieldErrors.map((e) => fieldText(e, lang));
      }
      void message.error({
        content:
          extra.length > 0 ? (
            <span>
              {main}
              {extra.map((x) => (
                <span key={x} style={{ display: 'block', fontSize: 13 }}>
                  · {x}
                </span>
              ))}
            </span>
          ) : (
            main
          ),
        duration: extra.length > 0 ? 6 : 4,
      });
    },
    [message, lang],
  );
}

/** A failed load, shown in place of the content, with a retry. */
export function QueryError({
  error,
  onRetry,
  compact,
}: {
  error: unknown;
  onRetry?: () => void;
  compact?: boolean;
}) {
  const { lang, t } = useI18n();
  const text = problemText(error, lang);
  const retry = onRetry ? (
    <Button size="small" onClick={onRetry}>
      {t('common.retry')}
    </Button>
  ) : undefined;
  if (compact) return <Alert type="error" showIcon title={text} action={retry} />;
  const status =
    isApiError(error) && error.status === 403
      ? '403'
      : isApiError(error) && error.status === 404
        ? '404'
        : 'error';
  return <Result status={status} title={t('common.loadFailed')} subTitle={text} extra={retry} />;
}
