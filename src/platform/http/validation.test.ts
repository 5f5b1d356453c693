import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import { describe, expect, it } from 'vitest';
import { Nullable, PlainText, StringEnum } from './schemas.ts';
import { describeErrors } from './validation.ts';

const Body = Type.Object(
  {
    name: PlainText({ title: '姓名', maxLength: 5 }),
    employer: Type.Optional(Nullable(PlainText({ title: '工作单位', maxLength: 10 }))),
    gender: StringEnum(['male', 'female'] as const, { title: '性别' }),
    age: Type.Optional(Type.Integer({ title: '年龄', minimum: 18 })),
    kind: Type.Optional(Type.Union([Type.Literal('a'), Type.Literal('b')], { title: '类型' })),
  },
  { additionalProperties: false },
);

function errorsFor(value: unknown) {
  const check = Compile(Body);
  return describeErrors(Body, check.Errors(value) as never).map((e) => ({
    path: e.path,
    rule: e.rule,
    zh: e.message.zh,
  }));
}

describe('validation messages', () => {
  it('names missing fields by their Chinese titles', () => {
    expect(errorsFor({})).toEqual([{ path: '/name', rule: 'required', zh: '缺少必填项：姓名、性别' }]);
  });

  it('explains each kind of problem in Chinese', () => {
    expect(errorsFor({ name: '<b>司马相如同</b>', gender: 'x', age: 3, extra: 1 })).toEqual([
      { path: '/extra', rule: 'additionalProperties', zh: '不允许的字段：extra' },
      { path: '/name', rule: 'maxLength', zh: '姓名不能超过 5 个字符' },
      { path: '/name', rule: 'pattern', zh: '姓名不能包含 < > 或控制字符' },
      { path: '/gender', rule: 'enum', zh: '性别的取值无效，可选：male / female' },
      { path: '/age', rule: 'minimum', zh: '年龄不能小于 18' },
    ]);
  });

  it('says what is wrong with a nullable field, not that it matches no alternative', () => {
    expect(errorsFor({ name: '王', gender: 'male', employer: '<script>' })).toEqual([
      { path: '/employer', rule: 'pattern', zh: '工作单位不能包含 < > 或控制字符' },
    ]);
    expect(errorsFor({ name: '王', gender: 'male', employer: null })).toEqual([]);
    expect(errorsFor({ name: '王', gender: 'male', employer: 5 })).toEqual([
      { path: '/employer', rule: 'type', zh: '工作单位应为文本' },
    ]);
  });

  it('keeps one error for a union of literals', () => {
    expect(errorsFor({ name: '王', gender: 'male', kind: 'c' })).toEqual([
      { path: '/kind', rule: 'anyOf', zh: '类型的取值无效' },
    ]);
  });
});
