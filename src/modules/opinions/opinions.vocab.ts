/**
 * The opinion loop's vocabulary (DESIGN.md §4.1) with the Chinese labels people know. The API,
 * the demo data, the exports and both web bundles take their lists from here.
 */
import type { Bilingual } from '../../platform/http/errors.ts';

export const OPINION_STATES = [
  'SUBMITTED', // 已提交
  'ACCEPTED', // 已受理
  'REJECTED', // 不予受理
  'MERGED', // 已并案
  'CONVERTED', // 已转代表建议
  'ANSWERED_ON_SPOT', // 代表当场答复
  'ASSIGNED', // 已交办
  'SIGNED', // 已签收
  'RETURN_REQUESTED', // 申请退回
  'EXTENSION_REQUESTED', // 申请延期
  'REHANDLING', // 二次办理
  'REPLIED', // 已答复
  'AWAITING_FEEDBACK', // 待评价
  'RATED', // 已评价
  'CLOSED', // 已办结
  'CLOSED_UNRATED', // 逾期未评价办结
  'PUBLISHED', // 已公开
] as const;
export type OpinionState = (typeof OPINION_STATES)[number];

export const OPINION_STATE_LABELS: Record<OpinionState, Bilingual> = {
  SUBMITTED: { zh: '待受理', en: 'Submitted' },
  ACCEPTED: { zh: '已受理', en: 'Accepted' },
  REJECTED: { zh: '不予受理', en: 'Not accepted' },
  MERGED: { zh: '已并案', en: 'Merged' },
  CONVERTED: { zh: '已转为代表建议', en: 'Converted to a suggestion' },
  ANSWERED_ON_SPOT: { zh: '代表当场答复', en: 'Answered on the spot' },
  ASSIGNED: { zh: '已交办', en: 'Assigned' },
  SIGNED: { zh: '办理中', en: 'In progress' },
  RETURN_REQUESTED: { zh: '申请退回', en: 'Return requested' },
  EXTENSION_REQUESTED: { zh: '申请延期', en: 'Extension requested' },
  REHANDLING: { zh: '二次办理', en: 'Re-handling' },
  REPLIED: { zh: '已答复', en: 'Replied' },
  AWAITING_FEEDBACK: { zh: '待评价', en: 'Awaiting feedback' },
  RATED: { zh: '已评价', en: 'Rated' },
  CLOSED: { zh: '已办结', en: 'Closed' },
  CLOSED_UNRATED: { zh: '已办结（未评价）', en: 'Closed, not rated' },
  PUBLISHED: { zh: '已公开', en: 'Published' },
};

/** States in which nothing more happens (PUBLISHED and CLOSED can still be published / are final). */
export const FINAL_STATES: readonly OpinionState[] = [
  'REJECTED',
  'MERGED',
  'CONVERTED',
  'CLOSED',
  'CLOSED_UNRATED',
  'PUBLISHED',
];

export const CHANNELS = ['qr', 'reception', 'grid', 'visit', 'phone', 'online', 'staff'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, Bilingual> = {
  qr: { zh: '扫码留言', en: 'QR code' },
  reception: { zh: '接待日', en: 'Reception day' },
  grid: { zh: '网格走访', en: 'Grid visit' },
  visit: { zh: '来访', en: 'Walk-in' },
  phone: { zh: '电话', en: 'Phone' },
  online: { zh: '网上留言', en: 'Online' },
  staff: { zh: '工作人员登记', en: 'Registered by staff' },
};

export const SUBMITTER_KINDS = ['citizen', 'enterprise'] as const;
export type SubmitterKind = (typeof SUBMITTER_KINDS)[number];
export const SUBMITTER_KIND_LABELS: Record<SubmitterKind, Bilingual> = {
  citizen: { zh: '群众', en: 'Resident' },
  enterprise: { zh: '企业', en: 'Enterprise' },
};

export const REPLY_RESULTS = ['solved', 'partially_solved', 'explained'] as const;
export type ReplyResult = (typeof REPLY_RESULTS)[number];
export const REPLY_RESULT_LABELS: Record<ReplyResult, Bilingual> = {
  solved: { zh: '已解决', en: 'Solved' },
  partially_solved: { zh: '部分解决', en: 'Partly solved' },
  explained: { zh: '解释说明', en: 'Explained' },
};

export const RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, Bilingual> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'Unsatisfied' },
};

/**
 * Why an opinion is not taken up, with what the citizen is told to do instead (the guidance
 * shows on their tracking page). Deployments may add to the list.
 */
export const REJECTION_REASONS = [
  'litigation',
  'petition',
  'emergency',
  'personal',
  'unclear',
  'out_of_scope',
  'other',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];
export const REJECTION_REASON_LABELS: Record<RejectionReason, Bilingual & { guidance: Bilingual }> = {
  litigation: {
    zh: '涉诉涉法事项',
    en: 'A matter before the courts',
    guidance: {
      zh: '该事项已进入或应通过诉讼、仲裁等法定途径解决，请向人民法院或有关机关反映。',
      en: 'This matter is for the courts or arbitration; please take it to them.',
    },
  },
  petition: {
    zh: '信访事项',
    en: 'A petition (信访) matter',
    guidance: {
      zh: '该事项属于信访事项，请通过信访渠道（如当地信访局、国家信访局网站）反映。',
      en: 'Please raise this through the petition channel (信访).',
    },
  },
  emergency: {
    zh: '紧急事项',
    en: 'An emergency',
    guidance: {
      zh: '紧急情况请立即拨打 110（报警）、119（火警）、120（急救）或 12345 政务服务热线。',
      en: 'In an emergency call 110 (police), 119 (fire), 120 (ambulance) or the 12345 hotline.',
    },
  },
  personal: {
    zh: '个人私事或商业纠纷',
    en: 'A private or commercial dispute',
    guidance: {
      zh: '该事项属于个人私事或民商事纠纷，建议通过协商、人民调解或法律途径解决。',
      en: 'This is a private dispute; mediation or legal advice can help.',
    },
  },
  unclear: {
    zh: '内容不清，无法办理',
    en: 'Too unclear to handle',
    guidance: {
      zh: '留言内容不够具体，无法办理。欢迎补充时间、地点和具体情况后重新留言。',
      en: 'The message is not specific enough; please write again with the time, place and details.',
    },
  },
  out_of_scope: {
    zh: '不属于本级职责',
    en: 'Not this level’s responsibility',
    guidance: {
      zh: '该事项不属于本级人大及政府职责范围，已告知您可以反映的部门。',
      en: 'This is outside this level’s remit; you have been told where to raise it.',
    },
  },
  other: { zh: '其他', en: 'Other', guidance: { zh: '详见说明。', en: 'See the note.' } },
};
