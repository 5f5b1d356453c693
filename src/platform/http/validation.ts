/**
 * Request validation with TypeBox's compiler, reporting each problem in Chinese and English,
 * named by the field's `title` from the schema (the same schema that feeds the OpenAPI document).
 *
 * Bodies are validated as sent (no type coercion, unknown fields refused when the schema says
 * additionalProperties: false); query strings and path parameters are converted from strings first.
 */
import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';
import type { Bilingual, FieldError } from './errors.ts';

interface RawError {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: Record<string, unknown>;
}

type SchemaNode = Record<string, unknown>;

function resolvePointer(root: unknown, pointer: string): SchemaNode | undefined {
  const parts = pointer.replace(/^#\/?/, '').split('/').filter(Boolean);
  let node: unknown = root;
  for (const raw of parts) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'object' && node !== null ? (node as SchemaNode) : undefined;
}

function labelOf(node: SchemaNode | undefined, fallback: string): { zh: string; en: string } {
  const title = typeof node?.title === 'string' ? node.title : undefined;
  return { zh: title ?? fallback, en: fallback || 'value' };
}

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  integer: '整数',
  number: '数字',
  boolean: '是/否',
  object: '对象',
  array: '列表',
  null: '空值',
};

/** Translate one TypeBox error into a field error; the field is named by its schema title. */
export function describeError(root: unknown, e: RawError): FieldError {
  const node = resolvePointer(root, e.schemaPath);
  const field = e.instancePath.split('/').filter(Boolean).at(-1) ?? '';
  const p = e.params;
  const label = labelOf(node, field);
  const msg = (zh: string, en: string): Bilingual => ({ zh, en });
  let path = e.instancePath || '/';
  let message: Bilingual;
  switch (e.keyword) {
    case 'required': {
      const missing = (p.requiredProperties as string[] | undefined) ?? [];
      const props = (node?.properties ?? {}) as Record<string, SchemaNode>;
      const names = missing.map((m) => labelOf(props[m], m));
      path = `${e.instancePath}/${missing[0] ?? ''}`;
      message = msg(
        `缺少必填项：${names.map((n) => n.zh).join('、')}`,
        `Missing required field(s): ${names.map((n) => n.en).join(', ')}`,
      );
      break;
    }
    case 'additionalProperties': {
      const extra = (p.additionalProperties as string[] | undefined) ?? [];
      path = `${e.instancePath}/${extra[0] ?? ''}`;
      message = msg(`不允许的字段：${extra.join('、')}`, `Unknown field(s): ${extra.join(', ')}`);
      break;
    }
    case 'type': {
      const t = Array.isArray(p.type) ? (p.type as string[]) : [String(p.type)];
      message = msg(
        `${label.zh}应为${t.map((x) => TYPE_ZH[x] ?? x).join('或')}`,
        `${label.en} must be ${t.join(' or ')}`,
      );
      break;
    }
    case 'minLength':
      message =
        p.limit === 1
          ? msg(`${label.zh}不能为空`, `${label.en} must not be empty`)
          : msg(
              `${label.zh}至少 ${String(p.limit)} 个字符`,
              `${label.en} needs at least ${String(p.limit)} characters`,
            );
      break;
    case 'maxLength':
      message = msg(
        `${label.zh}不能超过 ${String(p.limit)} 个字符`,
        `${label.en} must be at most ${String(p.limit)} characters`,
      );
      break;
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const cmp = String(p.comparison);
      const zhCmp: Record<string, string> = {
        '>=': '不能小于',
        '>': '必须大于',
        '<=': '不能大于',
        '<': '必须小于',
      };
      message = msg(
        `${label.zh}${zhCmp[cmp] ?? cmp} ${String(p.limit)}`,
        `${label.en} must be ${cmp} ${String(p.limit)}`,
      );
      break;
    }
    case 'minItems':
      message = msg(
        `${label.zh}至少 ${String(p.limit)} 项`,
        `${label.en} needs at least ${String(p.limit)} items`,
      );
      break;
    case 'maxItems':
      message = msg(
        `${label.zh}最多 ${String(p.limit)} 项`,
        `${label.en} allows at most ${String(p.limit)} items`,
      );
      break;
    case 'uniqueItems':
      message = msg(`${label.zh}有重复项`, `${label.en} has duplicate items`);
      break;
    case 'enum': {
      const allowed = ((p.allowedValues as unknown[]) ?? []).map(String).join(' / ');
      message = msg(`${label.zh}的取值无效，可选：${allowed}`, `${label.en} must be one of: ${allowed}`);
      break;
    }
    case 'const':
      message = msg(`${label.zh}的取值无效`, `${label.en} has an invalid value`);
      break;
    case 'format': {
      const fmt = String(p.format);
      const zhFmt: Record<string, string> = {
        date: '日期（YYYY-MM-DD）',
        'date-time': '日期时间',
        email: '电子邮箱',
        uri: '网址',
      };
      message = msg(`${label.zh}格式不正确，应为${zhFmt[fmt] ?? fmt}`, `${label.en} must be a valid ${fmt}`);
      break;
    }
    case 'pattern': {
      const hint = typeof node?.['x-hint-zh'] === 'string' ? (node['x-hint-zh'] as string) : undefined;
      const hintEn = typeof node?.['x-hint-en'] === 'string' ? (node['x-hint-en'] as string) : undefined;
      message = msg(
        hint ? `${label.zh}${hint}` : `${label.zh}格式不正确`,
        hintEn ? `${label.en} ${hintEn}` : `${label.en} has an invalid format`,
      );
      break;
    }
    case 'anyOf':
    case 'oneOf':
      message = msg(`${label.zh}的取值无效`, `${label.en} has an invalid value`);
      break;
    default:
      message = msg(`${label.zh}无效`, `${label.en} is invalid`);
  }
  return { path, rule: e.keyword, message };
}

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/**
 * Drop the noise of alternatives. For a nullable field (X or null) given a non-null value, keep
 * what is wrong with it as an X ("不能包含 < >"), not "matches no alternative"; for other unions
 * keep the one union error rather than the failure of every branch.
 */
function collapse(root: unknown, errors: RawError[]): RawError[] {
  const dropped = new Set<RawError>();
  for (const union of errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')) {
    const node = resolvePointer(root, union.schemaPath);
    const branches = (node?.[union.keyword] as SchemaNode[] | undefined) ?? [];
    const nullIndex = branches.findIndex((b) => b.type === 'null');
    const branchPath = (i: number) => `${union.schemaPath}/${union.keyword}/${i}`;
    if (branches.length === 2 && nullIndex >= 0) {
      const real = branchPath(1 - nullIndex);
      const realErrors = errors.filter(
        (e) => e !== union && under(e.schemaPath, real) && e.instancePath.startsWith(union.instancePath),
      );
      if (realErrors.length > 0) {
        dropped.add(union);
        for (const e of errors) if (under(e.schemaPath, branchPath(nullIndex))) dropped.add(e);
        continue;
      }
    }
    for (const e of errors) {
      if (e !== union && under(e.schemaPath, `${union.schemaPath}/${union.keyword}`)) dropped.add(e);
    }
  }
  return errors.filter((e) => e.keyword !== 'boolean' && !dropped.has(e));
}

export function describeErrors(root: unknown, errors: RawError[]): FieldError[] {
  return collapse(root, errors).map((e) => describeError(root, e));
}

/** Marker on the validation errors Fastify hands to the error handler. */
export interface TranslatedValidationError {
  fieldErrors: FieldError[];
}

export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = Compile(schema);
  return (value: unknown) => {
    const converted = httpPart === 'body' ? value : Value.Default(schema, Value.Convert(schema, value));
    if (check.Check(converted)) return { value: converted };
    const raw = check.Errors(converted) as unknown as RawError[];
    const fieldErrors = describeErrors(schema, raw);
    const error = Object.assign(new Error(fieldErrors.map((f) => `${f.path}: ${f.message.en}`).join('; ')), {
      fieldErrors,
    });
    return { error };
  };
};
