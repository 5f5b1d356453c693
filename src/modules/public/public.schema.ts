/**
 * The public module's own shapes, beside the contract of src/modules/opinions/public.schema.ts
 * (pages, published items, headline): the published list's query, categories, the privacy notice.
 */
import { Type, type Static } from 'typebox';
import { Page } from '../../platform/http/schemas.ts';
import { PublishedItem } from '../opinions/public.schema.ts';

export const PublishedQuery = Type.Object(
  {
    stationCode: Type.Optional(
      Type.String({ title: '站点二维码', minLength: 4, maxLength: 32, pattern: '^[A-Za-z0-9]+$' }),
    ),
    page: Type.Optional(Type.Integer({ title: '页码', minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);
export type PublishedQuery = Static<typeof PublishedQuery>;

export const PublishedPage = Page(PublishedItem);

export const PublicCategory = Type.Object({
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
});
export type PublicCategory = Static<typeof PublicCategory>;

export const PrivacyNotice = Type.Object({ version: Type.String(), text: Type.String() });
