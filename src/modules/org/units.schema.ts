/** Handling units (承办单位) and the routing table: which categories each handles, where. */
import { Type, type Static } from 'typebox';
import { Code, Nullable, Page, PlainText, StringEnum } from '../../platform/http/schemas.ts';
import { UNIT_KINDS, UNIT_STATUSES } from './org.domain.ts';
import { OrgListQuery, PhoneInput, Ref } from './org.schema.ts';

export const UnitCategoryView = Type.Object({
  categoryCode: Type.String(),
  categoryName: Type.String(),
  jurisdiction: Ref,
});

export const UnitListItem = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  shortName: Nullable(Type.String()),
  kind: StringEnum(UNIT_KINDS),
  jurisdiction: Ref,
  parent: Nullable(Ref),
  contactName: Nullable(Type.String()),
  contactPhoneMasked: Nullable(Type.String()),
  status: StringEnum(UNIT_STATUSES),
  categories: Type.Array(UnitCategoryView),
});
export type UnitListItem = Static<typeof UnitListItem>;

export const UnitView = Type.Object({
  ...UnitListItem.properties,
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type UnitView = Static<typeof UnitView>;

export const UnitPage = Page(UnitListItem);

export const UnitListQuery = Type.Object(
  {
    ...OrgListQuery,
    kind: Type.Optional(StringEnum(UNIT_KINDS, { title: '类型' })),
    status: Type.Optional(StringEnum(UNIT_STATUSES, { title: '状态' })),
    categoryCode: Type.Optional(Type.String({ title: '办理类别', maxLength: 32 })),
  },
  { additionalProperties: false },
);
export type UnitListQuery = Static<typeof UnitListQuery>;

export const UnitCategoryInput = Type.Object(
  {
    categoryCode: Type.String({ title: '办理类别', minLength: 1, maxLength: 32 }),
    /** Where the unit handles it; defaults to the unit's own jurisdiction. */
    jurisdictionId: Type.Optional(Type.Integer({ title: '适用辖区', minimum: 1 })),
  },
  { additionalProperties: false },
);

const unitFields = {
  code: Code(),
  name: PlainText({ title: '名称', maxLength: 100 }),
  shortName: Type.Optional(Nullable(PlainText({ title: '简称', maxLength: 50 }))),
  kind: StringEnum(UNIT_KINDS, { title: '类型' }),
  jurisdictionId: Type.Integer({ title: '所属辖区', minimum: 1 }),
  parentId: Type.Optional(Nullable(Type.Integer({ title: '上级单位', minimum: 1 }))),
  contactName: Type.Optional(Nullable(PlainText({ title: '联系人', maxLength: 50 }))),
  contactPhone: PhoneInput,
  status: Type.Optional(StringEnum(UNIT_STATUSES, { title: '状态' })),
  /** The categories this unit handles; replaces all when given. */
  categories: Type.Optional(Type.Array(UnitCategoryInput, { title: '办理类别', maxItems: 200 })),
};
export const CreateUnitBody = Type.Object(unitFields, { additionalProperties: false });
export type CreateUnitBody = Static<typeof CreateUnitBody>;
export const UpdateUnitBody = Type.Partial(Type.Object(unitFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateUnitBody = Static<typeof UpdateUnitBody>;

/** GET /routing: which units handle a category for a jurisdiction (nearest jurisdiction up the tree first). */
export const RoutingQuery = Type.Object(
  {
    categoryCode: Type.String({ title: '类别', minLength: 1, maxLength: 32 }),
    jurisdictionId: Type.Integer({ title: '辖区', minimum: 1 }),
  },
  { additionalProperties: false },
);
export const RoutingResult = Type.Object({
  units: Type.Array(
    Type.Object({ id: Type.Integer(), name: Type.String(), jurisdiction: Ref, distance: Type.Integer() }),
  ),
});
