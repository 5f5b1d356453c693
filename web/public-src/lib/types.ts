/** The public API's types, from the server's TypeBox schemas (types only). */
import type { Static } from 'typebox';
import type {
  PublicHeadline as HeadlineSchema,
  PublicRepresentativePage,
  PublicStationPage,
  PublicSubmissionBody,
  PublishedItem,
  SubmissionReceipt,
  TrackingView,
} from '../../../src/modules/opinions/public.schema.ts';
import type { PublicCategory } from '../../../src/modules/public/public.schema.ts';
import type {
  PublicSuggestionDetail,
  PublicSuggestionItem,
  PublicSuggestionSummary,
} from '../../../src/modules/suggestions/public-suggestions.schema.ts';
import type { PageOf } from '../../../src/platform/http/schemas.ts';
import type { PublicDisclosure } from '../../../src/modules/performance/disclosure.schema.ts';
import type { PublicHonours, PublicMethod } from '../../../src/modules/performance/honours.schema.ts';

export type {
  PublicRepresentativePage,
  PublicStationPage,
  PublicSubmissionBody,
  PublishedItem,
  SubmissionReceipt,
  TrackingView,
  PublicCategory,
  PublicSuggestionDetail,
  PublicSuggestionItem,
  PublicSuggestionSummary,
  PublicDisclosure,
  PublicHonours,
  PublicMethod,
};
export type PublicHeadline = Static<typeof HeadlineSchema>;
export type PublishedPage = PageOf<PublishedItem>;
export type PublicSuggestionPage = PageOf<PublicSuggestionItem>;
