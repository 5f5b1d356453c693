/**
 * Schema pieces shared by every module's `<feature>.schema.ts`: ids, paging, plain-text fields
 * that refuse markup and control characters, and the problem document.
 */
import { Type, type TSchema } from 'typebox';

/** A string enum as plain JSON Schema ({ type: 'string', enum: [...] }), typed as the union of its values. */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: Record<string, unknown> = {},
) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

/**
 * Single-line text a person types: names, titles, addresses. Refuses control characters and the
 * characters < > that only markup needs, so nothing stored can turn into HTML elsewhere.
 */
export function PlainText(options: {
  title: string;
  minLength?: number;
  maxLength: number;
  description?: string;
}) {
  return Type.String({
    minLength: 1,
    ...options,
    pattern: '^[^<>\\u0000-\\u001f\\u007f]*$',
    'x-hint-zh': '不能包含 < > 或控制字符',
    'x-hint-en': 'must not contain < > or control characters',
  });
}

/** Multi-line text (descriptions, notes): line breaks allowed, other control characters and < > refused. */
export function LongText(options: { title: string; maxLength: number; description?: string }) {
  return Type.String({
    ...options,
    pattern: '^[^<>\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]*$',
    'x-hint-zh': '不能包含 < > 或控制字符',
    'x-hint-en': 'must not contain < > or control characters',
  });
}

/** Business keys (codes): letters, digits, dot, dash, underscore. */
export function Code(title = '编码') {
  return Type.String({
    title,
    minLength: 1,
    maxLength: 32,
    pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
    'x-hint-zh': '只能包含字母、数字、点、横线和下划线',
    'x-hint-en': 'may contain only letters, digits, dot, dash and underscore',
  });
}

export const Id = Type.Integer({ minimum: 1, maximum: 2147483647, title: 'ID' });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

export const DateString = Type.String({ format: 'date', title: '日期' });

export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

/** Query members every list accepts. */
export const PagingQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, title: '页码' })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, title: '每页条数' })),
};

export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
}

export type PageOf<T> = { items: T[]; total: number; page: number; pageSize: number };

export const Ok = Type.Object({ ok: Type.Literal(true) });
