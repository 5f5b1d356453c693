/**
 * Schemas shared by the organisation's endpoints: references to related records, and the
 * list query members every organisation list accepts. The per-record schemas are in
 * `<record>.schema.ts` beside this file.
 */
import { Type, type Static } from 'typebox';
import { Id, Nullable, PagingQuery } from '../../platform/http/schemas.ts';

/** A related record as lists show it: id and name. */
export const Ref = Type.Object({ id: Type.Integer(), name: Type.String() });
export type Ref = Static<typeof Ref>;

export const BilingualText = Type.Object({ zh: Type.String(), en: Type.String() });

/** Query members of every organisation list: paging, name search, and the jurisdiction sub-tree to look in. */
export const OrgListQuery = {
  ...PagingQuery,
  q: Type.Optional(
    Type.String({ title: '关键词', maxLength: 50, description: 'Matches name or code (substring)' }),
  ),
  jurisdictionId: Type.Optional(
    Type.Integer({
      title: '辖区',
      minimum: 1,
      description: 'Only records of this jurisdiction and its descendants',
    }),
  ),
};

export const PhoneInput = Type.Optional(
  Nullable(
    Type.String({
      title: '联系电话',
      maxLength: 30,
      description: 'Mobile or landline; stored encrypted, shown masked',
    }),
  ),
);

export const IdList = (title: string) => Type.Array(Id, { title, maxItems: 500, uniqueItems: true });
