/**
 * The vocabulary of representatives' suggestions and motions (代表建议、议案; DESIGN.md §4.2) with
 * the Chinese labels congress offices use. The API, the demo data, the exports, the report and
 * the web console take their lists from here.
 */
import type { Bilingual } from '../../platform/http/errors.ts';

export const SUGGESTION_STATES = [
  'DRAFT', // 草稿
  'SUBMITTED', // 已提交，待审查
  'WITHDRAWN', // 已撤回
  'REGISTERED', // 已立案
  'NOT_ACCEPTED', // 不予立案
  'MERGED', // 已并案
  'ASSIGNED', // 已交办
  'RETURN_REQUESTED', // 申请退回
  'IN_PROGRESS', // 办理中
  'EXTENSION_REQUESTED', // 申请延期
  'REPLIED', // 已答复，待评价
  'EVALUATED', // 已评价
  'REHANDLING', // 重新办理
  'ESCALATED', // 再次不满意，提交代表工委督办
  'CLOSED', // 已办结
  'PUBLISHED', // 已公开
] as const;
export type SuggestionState = (typeof SUGGESTION_STATES)[number];

export const SUGGESTION_STATE_LABELS: Record<SuggestionState, Bilingual> = {
  DRAFT: { zh: '草稿', en: 'Draft' },
  SUBMITTED: { zh: '待审查', en: 'Submitted' },
  WITHDRAWN: { zh: '已撤回', en: 'Withdrawn' },
  REGISTERED: { zh: '已立案', en: 'Registered' },
  NOT_ACCEPTED: { zh: '不予立案', en: 'Not accepted' },
  MERGED: { zh: '已并案', en: 'Merged' },
  ASSIGNED: { zh: '已交办', en: 'Assigned' },
  RETURN_REQUESTED: { zh: '申请退回', en: 'Return requested' },
  IN_PROGRESS: { zh: '办理中', en: 'In progress' },
  EXTENSION_REQUESTED: { zh: '申请延期', en: 'Extension requested' },
  REPLIED: { zh: '已答复', en: 'Replied' },
  EVALUATED: { zh: '已评价', en: 'Evaluated' },
  REHANDLING: { zh: '重新办理', en: 'Re-handling' },
  ESCALATED: { zh: '提请督办', en: 'Escalated' },
  CLOSED: { zh: '已办结', en: 'Closed' },
  PUBLISHED: { zh: '已公开', en: 'Published' },
};

/** States in which nothing more happens to the case itself (commitments may still be open). */
export const FINAL_STATES: readonly SuggestionState[] = [
  'WITHDRAWN',
  'NOT_ACCEPTED',
  'MERGED',
  'CLOSED',
  'PUBLISHED',
];

/** States in which a unit holds the case (its deadlines run). */
export const HANDLING_STATES: readonly SuggestionState[] = [
  'ASSIGNED',
  'RETURN_REQUESTED',
  'IN_PROGRESS',
  'EXTENSION_REQUESTED',
  'REHANDLING',
];

export const SUGGESTION_KINDS = ['suggestion', 'motion'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];
export const SUGGESTION_KIND_LABELS: Record<SuggestionKind, Bilingual> = {
  suggestion: { zh: '建议', en: 'Suggestion' },
  motion: { zh: '议案', en: 'Motion' },
};

/** 大会期间 (during the congress's session) or 闭会期间 (between sessions). */
export const PERIODS = ['session', 'recess'] as const;
export type Period = (typeof PERIODS)[number];
export const PERIOD_LABELS: Record<Period, Bilingual> = {
  session: { zh: '大会期间', en: 'During the session' },
  recess: { zh: '闭会期间', en: 'Between sessions' },
};

/** The reply's class (答复分类). */
export const REPLY_CLASSES = ['A', 'B', 'C'] as const;
export type ReplyClass = (typeof REPLY_CLASSES)[number];
export const REPLY_CLASS_LABELS: Record<ReplyClass, Bilingual> = {
  A: { zh: 'A类（已解决或基本解决）', en: 'A (solved or mostly solved)' },
  B: { zh: 'B类（正在解决或列入计划解决）', en: 'B (being solved or planned)' },
  C: { zh: 'C类（因条件限制留作参考）', en: 'C (kept for reference)' },
};

export const EVALUATION_RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type EvaluationRating = (typeof EVALUATION_RATINGS)[number];
export const EVALUATION_RATING_LABELS: Record<EvaluationRating, Bilingual> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'Unsatisfied' },
};

/** How a unit contacted the representative (沟通联系方式). */
export const CONTACT_MEANS = ['visit', 'meeting', 'phone', 'letter', 'online', 'inspection'] as const;
export type ContactMeans = (typeof CONTACT_MEANS)[number];
export const CONTACT_MEANS_LABELS: Record<ContactMeans, Bilingual> = {
  visit: { zh: '登门走访', en: 'Visit' },
  meeting: { zh: '座谈会', en: 'Meeting' },
  phone: { zh: '电话沟通', en: 'Phone' },
  letter: { zh: '书面函件', en: 'Letter' },
  online: { zh: '网络视频', en: 'Video call' },
  inspection: { zh: '邀请实地察看', en: 'Site visit' },
};

export const SIGNER_ROLES = ['lead', 'cosigner'] as const;
export type SignerRole = (typeof SIGNER_ROLES)[number];
export const SIGNER_ROLE_LABELS: Record<SignerRole, Bilingual> = {
  lead: { zh: '领衔代表', en: 'Lead' },
  cosigner: { zh: '附议代表', en: 'Co-signer' },
};

/** A co-signer's answer to the invitation (附议): lapsed when the draft went in without it. */
export const SIGNER_STATUSES = ['invited', 'accepted', 'declined', 'lapsed'] as const;
export type SignerStatus = (typeof SIGNER_STATUSES)[number];
export const SIGNER_STATUS_LABELS: Record<SignerStatus, Bilingual> = {
  invited: { zh: '待确认', en: 'Invited' },
  accepted: { zh: '已附议', en: 'Accepted' },
  declined: { zh: '已谢绝', en: 'Declined' },
  lapsed: { zh: '未确认', en: 'Lapsed' },
};

export const UNIT_ROLES = ['lead', 'co'] as const;
export type UnitRole = (typeof UNIT_ROLES)[number];
export const UNIT_ROLE_LABELS: Record<UnitRole, Bilingual> = {
  lead: { zh: '主办单位', en: 'Lead unit' },
  co: { zh: '协办单位', en: 'Co-unit' },
};

/** How a case came to be closed: evaluated, never evaluated in time, or settled by the staff. */
export const CLOSE_REASONS = ['evaluated', 'unevaluated', 'escalation_resolved'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];
export const CLOSE_REASON_LABELS: Record<CloseReason, Bilingual> = {
  evaluated: { zh: '代表已评价', en: 'Evaluated' },
  unevaluated: { zh: '逾期未评价', en: 'Not evaluated in time' },
  escalation_resolved: { zh: '代表工委督办办结', en: 'Settled by the congress staff' },
};

export const COMMITMENT_STATUSES = ['open', 'done', 'cancelled'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
export const COMMITMENT_STATUS_LABELS: Record<CommitmentStatus, Bilingual> = {
  open: { zh: '落实中', en: 'Open' },
  done: { zh: '已兑现', en: 'Done' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** The refusal reasons a new installation starts with; staff edit the list (不予立案理由). */
export const DEFAULT_REFUSAL_REASONS: readonly { code: string; zh: string; en: string }[] = [
  {
    code: 'personal',
    zh: '属于代表本人及其亲属的个人事务',
    en: 'A personal matter of the representative or family',
  },
  { code: 'litigation', zh: '涉及诉讼、仲裁或司法程序中的具体案件', en: 'A case in court or arbitration' },
  {
    code: 'petition',
    zh: '属于应通过信访渠道解决的个人诉求',
    en: 'A personal claim for the petitions channel',
  },
  {
    code: 'not_competent',
    zh: '不属于本级人民政府及有关部门职权范围',
    en: 'Outside the competence of this level',
  },
  { code: 'no_proposal', zh: '没有具体内容或建议，仅提出问题', en: 'No concrete proposal' },
  { code: 'duplicate', zh: '与已立案建议内容相同', en: 'Duplicates a registered suggestion' },
  { code: 'other', zh: '其他不宜作为代表建议的情形', en: 'Other' },
];
