/**
 * The vocabularies the public pages show, taken from the server's own lists (only the labels are
 * bundled; nothing else of the server is).
 */
export {
  OPINION_STATE_LABELS,
  RATING_LABELS,
  REJECTION_REASON_LABELS,
  REPLY_RESULT_LABELS,
  SUBMITTER_KIND_LABELS,
  RATINGS,
} from '../../../src/modules/opinions/opinions.vocab.ts';
export { CONGRESS_LEVEL_LABELS, STATION_TIER_LABELS } from '../../../src/modules/org/org.domain.ts';

import { CONGRESS_LEVEL_LABELS } from '../../../src/modules/org/org.domain.ts';
import type { CongressLevel } from '../../../src/modules/org/org.domain.ts';

export function levelsText(levels: readonly CongressLevel[]): string {
  return levels.map((l) => CONGRESS_LEVEL_LABELS[l].zh).join('、');
}
