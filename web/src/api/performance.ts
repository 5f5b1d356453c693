/**
 * Duty performance (履职评价): the rules and their versions, recomputation, the ranking and a
 * representative's score card, excellent suggestions, the archive (履职档案) and its files,
 * disclosures (履职公示), honours (履职之星), the congress's dashboard, a group's year and the
 * grids' coverage.
 */
import { download, http } from './client.ts';
import type {
  ArchiveView,
  AwardBody,
  CongressYearQuery,
  DisclosureKind,
  DisclosureListItem,
  DisclosureListQuery,
  DisclosurePreview,
  DisclosureView,
  GridCoverage,
  GroupPerformance,
  HonourView,
  Ok,
  Page,
  PerformanceDashboard,
  RankingPage,
  RankingQuery,
  RuleSetView,
  SaveRulesBody,
  ScoreCardView,
} from './types.ts';

// ── Rules and scores ──
export const getRules = (query: CongressYearQuery) => http.get<RuleSetView>('/performance/rules', query);
/** Saves a new version; everyone is recomputed under it. */
export const saveRules = (body: SaveRulesBody) => http.put<RuleSetView>('/performance/rules', body);
export const recompute = (congressId: number, year: number) =>
  http.post<{ representatives: number; entries: number }>('/performance/recompute', { congressId, year });
export const getRanking = (query: RankingQuery, signal?: AbortSignal) =>
  http.get<RankingPage>('/performance/scores', query, signal);
export const getScoreCard = (representativeId: number, query: CongressYearQuery) =>
  http.get<ScoreCardView>(`/performance/representatives/${representativeId}`, query);
export const markExcellent = (suggestionId: number, excellent: boolean) =>
  http.put<Ok>(`/performance/excellent-suggestions/${suggestionId}`, { excellent });

// ── The archive ──
export const getArchive = (representativeId: number, query: CongressYearQuery) =>
  http.get<ArchiveView>(`/performance/representatives/${representativeId}/archive`, query);
export const downloadArchive = (
  representativeId: number,
  query: CongressYearQuery,
  format: 'docx' | 'xlsx',
) =>
  download(
    `/performance/representatives/${representativeId}/archive.${format}`,
    { ...query },
    `archive-${representativeId}-${query.year ?? ''}.${format}`,
  );

// ── Disclosures ──
export interface SubjectQuery {
  kind: DisclosureKind;
  subjectId: number;
  month: string;
}
export const previewDisclosure = (query: SubjectQuery) =>
  http.get<DisclosurePreview>('/performance/disclosures/preview', { ...query });
export const publishDisclosure = (body: SubjectQuery) =>
  http.post<DisclosureView>('/performance/disclosures', body);
export const correctDisclosure = (id: number, note: string) =>
  http.post<DisclosureView>(`/performance/disclosures/${id}/corrections`, { note });
export const listDisclosures = (query: DisclosureListQuery, signal?: AbortSignal) =>
  http.get<Page<DisclosureListItem>>('/performance/disclosures', query, signal);
export const getDisclosure = (id: number) => http.get<DisclosureView>(`/performance/disclosures/${id}`);

// ── Honours ──
export const listHonours = (query: CongressYearQuery) =>
  http.get<{ items: HonourView[] }>('/performance/honours', query);
export const awardHonours = (body: AwardBody) =>
  http.post<{ items: HonourView[] }>('/performance/honours', body);

// ── Seen from above ──
export const getPerformanceDashboard = (
  query: CongressYearQuery & { limit?: number },
  signal?: AbortSignal,
) => http.get<PerformanceDashboard>('/performance/dashboard', query, signal);
export const getGroupPerformance = (groupId: number, year?: number) =>
  http.get<GroupPerformance>(`/groups/${groupId}/performance`, year ? { year } : undefined);
export const getGridCoverage = (jurisdictionId?: number, signal?: AbortSignal) =>
  http.get<GridCoverage>('/grids/coverage', jurisdictionId ? { jurisdictionId } : undefined, signal);
