/**
 * What the organisation's services share: paging defaults, the field errors they raise for
 * references and codes, and turning a unique-code violation into 409 CONFLICT on /code.
 */
import type { AppContext } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/db-errors.ts';
import { jurisdictionInScope } from '../../platform/db/lookup.ts';
import { scopeOf } from '../../platform/db/scope.ts';
import { AppError, invalid, type Bilingual, type FieldError } from '../../platform/http/errors.ts';
import type { Actor } from '../auth/auth.domain.ts';

export const DEFAULT_PAGE_SIZE = 20;

export function pagingOf(query: { page?: number | undefined; pageSize?: number | undefined }): {
  page: number;
  pageSize: number;
} {
  return { page: query.page ?? 1, pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE };
}

/** A referenced record that does not exist or that the actor may not see: the same answer for both. */
export function outOfScope(path: string, what: Bilingual): FieldError {
  return {
    path,
    rule: 'scope',
    message: {
      zh: `${what.zh}不存在或不在您的管辖范围内`,
      en: `${what.en} does not exist or is outside your jurisdiction`,
    },
  };
}

/** The problem with a body's jurisdictionId (absent: nothing to check), or none when it is in the actor's scope. */
export async function jurisdictionProblems(
  ctx: AppContext,
  actor: Actor,
  jurisdictionId: number | undefined,
  path = '/jurisdictionId',
): Promise<FieldError[]> {
  if (jurisdictionId === undefined) return [];
  const j = await jurisdictionInScope(ctx.database.db, scopeOf(actor), jurisdictionId);
  return j ? [] : [outOfScope(path, WHAT.jurisdiction)];
}

/** Raise VALIDATION_FAILED with every problem found, or do nothing. */
export function assertNoProblems(problems: readonly FieldError[]): void {
  if (problems.length > 0) throw invalid([...problems]);
}

export function codeTaken(code: string): AppError {
  return new AppError(
    'CONFLICT',
    { zh: `编码“${code}”已被使用`, en: `The code "${code}" is already in use` },
    [{ path: '/code', rule: 'unique', message: { zh: '编码已被使用', en: 'Code already in use' } }],
  );
}

/** Run a write whose only unique key a person types is `code`; a duplicate becomes 409 CONFLICT on /code. */
export async function withUniqueCode<T>(code: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (code !== undefined && isUniqueViolation(err)) throw codeTaken(code);
    throw err;
  }
}

export function inUse(zh: string, en: string): AppError {
  return new AppError('IN_USE', { zh, en });
}

export const notFound = (): AppError => new AppError('NOT_FOUND');

/** Labels of the records the organisation's messages name. */
export const WHAT = {
  jurisdiction: { zh: '辖区', en: 'The jurisdiction' },
  parentJurisdiction: { zh: '上级辖区', en: 'The parent jurisdiction' },
  representative: { zh: '代表', en: 'The representative' },
  station: { zh: '联络站', en: 'The station' },
  parentStation: { zh: '上级站点', en: 'The parent station' },
  unit: { zh: '承办单位', en: 'The unit' },
  parentUnit: { zh: '上级单位', en: 'The parent unit' },
  liaisonOfficer: { zh: '联络员', en: 'The liaison officer' },
  congress: { zh: '所属人大', en: 'The congress' },
} satisfies Record<string, Bilingual>;

/** The fields a PATCH body set, for the audit row (values included; callers drop personal data first). */
export function changedFields<T extends object>(patch: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
}
