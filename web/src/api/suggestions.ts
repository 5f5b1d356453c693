/**
 * Representatives' suggestions and motions (代表建议、议案): drafts and co-signing, the work lists
 * and the ledger, one case, the state machine's actions, the records beside it, commitments,
 * configuration, statistics and the yearly report.
 */
import { API_BASE, download, http } from './client.ts';
import type {
  CommitmentLedgerItem,
  CommitmentQuery,
  ContactBody,
  CorrectionBody,
  CreateDraftBody,
  FromOpinionBody,
  MyCongress,
  Ok,
  Page,
  ProgressBody,
  RefusalReason,
  RefusalReasonBody,
  SuggestionActionBody,
  SuggestionBulkBody,
  SuggestionBulkResult,
  SuggestionDetail,
  SuggestionListItem,
  SuggestionListQuery,
  SuggestionUserAction,
  UpdateDraftBody,
} from './types.ts';

export const listSuggestions = (query: SuggestionListQuery, signal?: AbortSignal) =>
  http.get<Page<SuggestionListItem>>('/suggestions', query, signal);
export const getSuggestion = (id: number) => http.get<SuggestionDetail>(`/suggestions/${id}`);
export const myCongresses = () => http.get<MyCongress[]>('/suggestions/my-congresses');

export const createDraft = (body: CreateDraftBody) => http.post<SuggestionDetail>('/suggestions', body);
/** Autosave: `version` turns a save over someone else's change into a 409. */
export const updateDraft = (id: number, body: UpdateDraftBody) =>
  http.patch<SuggestionDetail>(`/suggestions/${id}`, body);
export const draftFromOpinion = (body: FromOpinionBody) =>
  http.post<SuggestionDetail>('/suggestions/from-opinion', body);

export const inviteCosigners = (id: number, representativeIds: number[]) =>
  http.post<SuggestionDetail>(`/suggestions/${id}/cosigners`, { representativeIds });
export const removeCosigner = (id: number, representativeId: number) =>
  http.delete<SuggestionDetail>(`/suggestions/${id}/cosigners/${representativeId}`);
export const answerInvitation = (id: number, answer: 'accept' | 'decline') =>
  http.post<SuggestionDetail>(`/suggestions/${id}/invitation`, { answer });

/**
 * The URL segment of each action (ACTION_PATHS in suggestions.schema.ts), kept here so that the
 * schema module, which builds TypeBox objects, stays out of the bundle.
 */
export const SUGGESTION_ACTION_PATHS: Record<SuggestionUserAction, string> = {
  submit: 'submit',
  withdraw: 'withdraw',
  register: 'register',
  refuse: 'refuse',
  merge: 'merge',
  assign: 'assign',
  sign: 'sign',
  request_return: 'request-return',
  approve_return: 'approve-return',
  refuse_return: 'refuse-return',
  request_extension: 'request-extension',
  approve_extension: 'approve-extension',
  refuse_extension: 'refuse-extension',
  reply: 'reply',
  evaluate: 'evaluate',
  resolve_escalation: 'resolve-escalation',
  publish: 'publish',
};

export function isSuggestionUserAction(action: string): action is SuggestionUserAction {
  return Object.prototype.hasOwnProperty.call(SUGGESTION_ACTION_PATHS, action);
}

/** One step of the state machine; `version` in the body turns a lost race into a 409. */
export const actOnSuggestion = <A extends SuggestionUserAction>(
  id: number,
  action: A,
  body: SuggestionActionBody<A>,
) => http.post<SuggestionDetail>(`/suggestions/${id}/${SUGGESTION_ACTION_PATHS[action]}`, body);

export const bulkSuggestions = (body: SuggestionBulkBody) =>
  http.post<SuggestionBulkResult>('/suggestions/bulk', body);

// ── Records beside the state machine ──
export const logContact = (id: number, body: ContactBody) =>
  http.post<SuggestionDetail>(`/suggestions/${id}/contacts`, body);
export const sendCoOpinion = (id: number, opinion: string) =>
  http.post<SuggestionDetail>(`/suggestions/${id}/co-opinion`, { opinion });
export const amendReply = (
  id: number,
  replyId: number,
  body: { body: string; documentNumber?: string; signer?: string },
) => http.patch<SuggestionDetail>(`/suggestions/${id}/replies/${replyId}`, body);
export const correctReply = (id: number, body: CorrectionBody) =>
  http.post<SuggestionDetail>(`/suggestions/${id}/corrections`, body);
export const flagKey = (id: number, body: { keySupervision: boolean; supervisorUserId?: number | null }) =>
  http.put<SuggestionDetail>(`/suggestions/${id}/key`, body);
export const reportProgress = (commitmentId: number, body: ProgressBody) =>
  http.post<Ok>(`/suggestions/commitments/${commitmentId}/progress`, body);
export const listCommitments = (query: CommitmentQuery, signal?: AbortSignal) =>
  http.get<Page<CommitmentLedgerItem>>('/suggestions/commitments', query, signal);

/** A reply's attachment, saved under its own name. */
export const downloadAttachment = (id: number, attachmentId: number, fileName: string) =>
  download(`/suggestions/${id}/attachments/${attachmentId}`, undefined, fileName);
export const attachmentUrl = (id: number, attachmentId: number) =>
  `${API_BASE}/suggestions/${id}/attachments/${attachmentId}`;

// ── Configuration ──
export const listRefusalReasons = (all = false) =>
  http.get<RefusalReason[]>('/suggestions/refusal-reasons', all ? { all: true } : undefined);
export const saveRefusalReason = (body: RefusalReasonBody) =>
  http.put<RefusalReason[]>('/suggestions/refusal-reasons', body);

// ── Statistics and the yearly report ──
/**
 * GET /suggestions/stats. Written against the agreed contract while the server side is being
 * built; move to the server's schema types once suggestions/stats.schema.ts exists.
 */
export type StatsGroupBy = 'unit' | 'category' | 'class' | 'congress' | 'month';
export interface StatsQuery {
  year?: number;
  congressId?: number;
  groupBy?: StatsGroupBy;
}
export interface StatsCounts {
  registered: number;
  assigned: number;
  replied: number;
  repliedOnTime: number;
  classA: number;
  classB: number;
  classC: number;
  evaluated: number;
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
  unevaluated: number;
  rehandled: number;
  key: number;
  overdue: number;
  commitmentsOpen: number;
  commitmentsDone: number;
}
export interface StatsRates {
  onTime: number | null;
  satisfaction: number | null;
  solved: number | null;
}
export interface StatsRow {
  key: string;
  label: string;
  counts: StatsCounts;
  rates: StatsRates;
}
export interface SuggestionStats {
  year: number;
  groupBy: StatsGroupBy;
  total: StatsRow;
  rows: StatsRow[];
}

export const getSuggestionStats = (query: StatsQuery, signal?: AbortSignal) =>
  http.get<SuggestionStats>('/suggestions/stats', { ...query }, signal);
export const exportSuggestionStats = (query: StatsQuery) =>
  download('/suggestions/stats/export', { ...query }, `suggestions-${query.year ?? 'stats'}.xlsx`);
export const downloadYearReport = (query: { year?: number; congressId?: number }) =>
  download('/suggestions/report.docx', { ...query }, `suggestions-report-${query.year ?? ''}.docx`);
