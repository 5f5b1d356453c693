/** Grids (网格) and the representatives assigned to them. */
import { Type, type Static } from 'typebox';
import { Code, LongText, Nullable, Page, PlainText } from '../../platform/http/schemas.ts';
import { MemberView } from './groups.schema.ts';
import { IdList, OrgListQuery, Ref } from './org.schema.ts';

export const GridListItem = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  jurisdiction: Ref,
  station: Nullable(Ref),
  memberCount: Type.Integer(),
});
export type GridListItem = Static<typeof GridListItem>;

export const GridView = Type.Object({
  ...GridListItem.properties,
  description: Nullable(Type.String()),
  members: Type.Array(MemberView),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type GridView = Static<typeof GridView>;

export const GridPage = Page(GridListItem);

export const GridListQuery = Type.Object(
  {
    ...OrgListQuery,
    stationId: Type.Optional(Type.Integer({ title: '联络站', minimum: 1 })),
    /** Only grids with no representative assigned (coverage gaps). */
    uncovered: Type.Optional(Type.Boolean({ title: '仅无代表的网格' })),
  },
  { additionalProperties: false },
);
export type GridListQuery = Static<typeof GridListQuery>;

const gridFields = {
  code: Code(),
  name: PlainText({ title: '名称', maxLength: 100 }),
  jurisdictionId: Type.Integer({ title: '所属辖区', minimum: 1 }),
  stationId: Type.Optional(Nullable(Type.Integer({ title: '联络站', minimum: 1 }))),
  description: Type.Optional(Nullable(LongText({ title: '说明', maxLength: 2000 }))),
};
export const CreateGridBody = Type.Object(gridFields, { additionalProperties: false });
export type CreateGridBody = Static<typeof CreateGridBody>;
export const UpdateGridBody = Type.Partial(Type.Object(gridFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateGridBody = Static<typeof UpdateGridBody>;

export const SetGridMembersBody = Type.Object(
  { representativeIds: IdList('网格代表') },
  { additionalProperties: false },
);
export type SetGridMembersBody = Static<typeof SetGridMembersBody>;
