/** The opinion loop (民意办理): queues and ledger, one item, intake, the state machine's actions, exports. */
import { API_BASE, download, http } from './client.ts';
import type {
  ActionBody,
  BulkAssignBody,
  BulkAssignResult,
  IntakeBody,
  OpinionExportQuery,
  OpinionListItem,
  OpinionListQuery,
  OpinionView,
  Page,
  RevealedContact,
  RoutingSuggestion,
  UserAction,
} from './types.ts';

export const listOpinions = (query: OpinionListQuery, signal?: AbortSignal) =>
  http.get<Page<OpinionListItem>>('/opinions', query, signal);
export const getOpinion = (id: number) => http.get<OpinionView>(`/opinions/${id}`);

/** Register an opinion for a citizen. The key makes a double tap or a retry land once. */
export const intakeOpinion = (body: IntakeBody, idempotencyKey: string) =>
  http.post<OpinionView>('/opinions', body, undefined, { 'idempotency-key': idempotencyKey });

/**
 * The URL segment of each action (ACTION_PATHS in opinions.schema.ts: the action's name with dashes).
 * Kept here so that the schema module, which builds TypeBox objects, stays out of the bundle.
 */
export const ACTION_PATHS: Record<UserAction, string> = {
  accept: 'accept',
  reject: 'reject',
  merge: 'merge',
  answer_on_spot: 'answer-on-spot',
  assign: 'assign',
  convert: 'convert',
  sign: 'sign',
  request_return: 'request-return',
  approve_return: 'approve-return',
  refuse_return: 'refuse-return',
  request_extension: 'request-extension',
  approve_extension: 'approve-extension',
  refuse_extension: 'refuse-extension',
  reply: 'reply',
  rate: 'rate',
  publish: 'publish',
};

export const USER_ACTIONS = Object.keys(ACTION_PATHS) as UserAction[];

export function isUserAction(action: string): action is UserAction {
  return Object.prototype.hasOwnProperty.call(ACTION_PATHS, action);
}

/** Take one step of the state machine; `version` in the body turns a lost race into a 409. */
export const actOnOpinion = <A extends UserAction>(id: number, action: A, body: ActionBody<A>) =>
  http.post<OpinionView>(`/opinions/${id}/${ACTION_PATHS[action]}`, body);

export const bulkAssign = (body: BulkAssignBody) =>
  http.post<BulkAssignResult>('/opinions/bulk-assign', body);

/** The submitter's name and phone in clear; the server records who looked. */
export const revealContact = (id: number) => http.post<RevealedContact>(`/opinions/${id}/contact/reveal`);

/** The photo's address (an <img> sends the session cookie; no CSRF needed for a GET). */
export const photoUrl = (id: number, photoId: number) => `${API_BASE}/opinions/${id}/photos/${photoId}`;

export const getRouting = (id: number) => http.get<RoutingSuggestion>(`/opinions/${id}/routing`);

export const exportOpinions = (query: OpinionExportQuery) =>
  download('/opinions/export', query, `opinions.${query.format ?? 'xlsx'}`);
