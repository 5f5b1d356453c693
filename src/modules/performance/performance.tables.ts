/** Row types of duty-performance scoring, disclosures and honours. */
import type { Generated } from 'kysely';

export interface PerformanceRuleSetTable {
  id: Generated<number>;
  congress_id: number;
  year: number;
  version: number;
  /** JSON of ScoreRules (performance.domain.ts). */
  rules: string;
  note: string | null;
  created_by_user_id: number | null;
  created_at: string;
  computed_at: string | null;
}

export interface ScoreEntryTable {
  id: Generated<number>;
  rule_set_id: number;
  representative_id: number;
  category: string;
  rule: string;
  source_type: string;
  source_id: number;
  points_centi: number;
  at: string;
}

export interface ExcellentSuggestionTable {
  suggestion_id: number;
  marked_by_user_id: number | null;
  at: string;
}

export interface DisclosureTable {
  id: Generated<number>;
  /** station | representative */
  kind: string;
  subject_id: number;
  jurisdiction_id: number;
  month: string;
  version: number;
  content: string;
  correction_note: string | null;
  published_at: string;
  published_by_user_id: number | null;
}

export interface HonourTable {
  id: Generated<number>;
  congress_id: number;
  year: number;
  title: string;
  representative_id: number;
  rule_set_id: number;
  score_centi: number;
  citation: string | null;
  awarded_by_user_id: number | null;
  awarded_at: string;
}

export interface PerformanceTables {
  performance_rule_set: PerformanceRuleSetTable;
  score_entry: ScoreEntryTable;
  excellent_suggestion: ExcellentSuggestionTable;
  disclosure: DisclosureTable;
  honour: HonourTable;
}
