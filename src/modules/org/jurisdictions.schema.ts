/** Jurisdictions (行政区划): the tree every record and every user hangs from. */
import { Type, type Static } from 'typebox';
import { Code, Nullable, Page, PlainText, StringEnum } from '../../platform/http/schemas.ts';
import { JURISDICTION_LEVELS } from './org.domain.ts';
import { OrgListQuery } from './org.schema.ts';

export const JurisdictionView = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  level: StringEnum(JURISDICTION_LEVELS),
  parentId: Nullable(Type.Integer()),
  path: Type.String(),
  sortOrder: Type.Integer(),
  childCount: Type.Integer(),
});
export type JurisdictionView = Static<typeof JurisdictionView>;

export const JurisdictionPage = Page(JurisdictionView);

/**
 * GET /jurisdictions/tree: the actor's whole sub-tree as a flat list in tree order (parents before
 * children), each node with how many records it holds directly. The client nests it by parentId.
 */
export const JurisdictionTreeNode = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  level: StringEnum(JURISDICTION_LEVELS),
  parentId: Nullable(Type.Integer()),
  counts: Type.Object({
    representatives: Type.Integer(),
    stations: Type.Integer(),
    grids: Type.Integer(),
    units: Type.Integer(),
  }),
});
export const JurisdictionTree = Type.Object({ nodes: Type.Array(JurisdictionTreeNode) });
export type JurisdictionTree = Static<typeof JurisdictionTree>;

export const JurisdictionListQuery = Type.Object(
  {
    ...OrgListQuery,
    parentId: Type.Optional(Type.Integer({ title: '上级辖区', minimum: 1 })),
    level: Type.Optional(StringEnum(JURISDICTION_LEVELS, { title: '层级' })),
  },
  { additionalProperties: false },
);
export type JurisdictionListQuery = Static<typeof JurisdictionListQuery>;

export const CreateJurisdictionBody = Type.Object(
  {
    code: Code('行政区划代码'),
    name: PlainText({ title: '名称', maxLength: 100 }),
    level: StringEnum(JURISDICTION_LEVELS, { title: '层级' }),
    parentId: Type.Integer({ title: '上级辖区', minimum: 1 }),
    sortOrder: Type.Optional(Type.Integer({ title: '排序', minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false },
);
export type CreateJurisdictionBody = Static<typeof CreateJurisdictionBody>;

/** Renaming and re-ordering; moving a jurisdiction to another parent is not offered. */
export const UpdateJurisdictionBody = Type.Object(
  {
    code: Type.Optional(Code('行政区划代码')),
    name: Type.Optional(PlainText({ title: '名称', maxLength: 100 })),
    sortOrder: Type.Optional(Type.Integer({ title: '排序', minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateJurisdictionBody = Static<typeof UpdateJurisdictionBody>;
