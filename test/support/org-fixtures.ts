/**
 * Test helpers for the organisation's HTTP tests (not used by the application): unique codes,
 * request bodies with sensible defaults, creating records through the API, and reading the
 * database beneath it to check that a refused request changed nothing.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { AppContext } from '../../src/platform/context.ts';
import type { DB } from '../../src/platform/db/schema.ts';

let counter = 0;
/** A code no other test in this process uses. */
export function uniqueCode(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}

/** The JSON of a response with the expected status, or a failure that shows the body. */
export async function expectStatus<T = Record<string, unknown>>(
  response: Promise<LightMyRequestResponse> | LightMyRequestResponse,
  status: number,
): Promise<T> {
  const res = await response;
  if (res.statusCode !== status)
    throw new Error(`expected HTTP ${status}, got ${res.statusCode}: ${res.body}`);
  return res.json();
}

type CountedTable =
  | 'jurisdiction'
  | 'congress'
  | 'representative'
  | 'representative_seat'
  | 'rep_group'
  | 'group_member'
  | 'station'
  | 'station_member'
  | 'grid'
  | 'grid_member'
  | 'unit'
  | 'unit_category'
  | 'opinion'
  | 'opinion_event'
  | 'suggestion'
  | 'suggestion_event'
  | 'suggestion_signer'
  | 'suggestion_unit'
  | 'audit_log';

export async function countRows(ctx: AppContext, table: CountedTable & keyof DB): Promise<number> {
  const row = await ctx.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Row counts of every organisation table and the audit log, to assert that a refused request wrote nothing. */
export async function snapshotCounts(ctx: AppContext): Promise<Record<CountedTable, number>> {
  const tables: CountedTable[] = [
    'jurisdiction',
    'congress',
    'representative',
    'representative_seat',
    'rep_group',
    'group_member',
    'station',
    'station_member',
    'grid',
    'grid_member',
    'unit',
    'unit_category',
    'opinion',
    'opinion_event',
    'suggestion',
    'suggestion_event',
    'suggestion_signer',
    'suggestion_unit',
    'audit_log',
  ];
  const counts = await Promise.all(tables.map((t) => countRows(ctx, t)));
  return Object.fromEntries(tables.map((t, i) => [t, counts[i]])) as Record<CountedTable, number>;
}

/** The audit rows of an action, newest first. */
export async function auditRows(ctx: AppContext, action: string) {
  const rows = await ctx.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .orderBy('seq', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

export function representativeBody(
  jurisdictionId: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return { code: uniqueCode('R'), name: '张伟', gender: 'male', jurisdictionId, ...overrides };
}

export function stationBody(
  jurisdictionId: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return { code: uniqueCode('S'), name: '湖滨街道代表联络站', tier: 'station', jurisdictionId, ...overrides };
}

export function unitBody(
  jurisdictionId: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    code: uniqueCode('U'),
    name: '区住房和城乡建设局',
    kind: 'government',
    jurisdictionId,
    ...overrides,
  };
}

export function groupBody(
  jurisdictionId: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return { code: uniqueCode('G'), name: '第一代表小组', kind: 'regional', jurisdictionId, ...overrides };
}

export function gridBody(
  jurisdictionId: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return { code: uniqueCode('W'), name: '湖滨一网格', jurisdictionId, ...overrides };
}

/** The field errors of a problem document, by path. */
export function errorsByPath(problem: {
  errors?: { path: string; messages: { 'zh-CN': string; en: string } }[];
}): Record<string, { zh: string; en: string }> {
  return Object.fromEntries(
    (problem.errors ?? []).map((e) => [e.path, { zh: e.messages['zh-CN'], en: e.messages.en }]),
  );
}
