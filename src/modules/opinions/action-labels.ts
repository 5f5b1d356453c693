/** The loop's actions as people name them, for messages and the event log (the web app may use them too). */
import type { Bilingual } from '../../platform/http/errors.ts';
import type { OpinionAction } from './opinions.domain.ts';

export const OPINION_ACTION_LABELS: Record<OpinionAction, Bilingual> = {
  accept: { zh: '受理', en: 'accept' },
  reject: { zh: '不予受理', en: 'reject' },
  merge: { zh: '并案', en: 'merge' },
  answer_on_spot: { zh: '当场答复', en: 'answer on the spot' },
  assign: { zh: '交办', en: 'assign' },
  convert: { zh: '转为代表建议', en: 'convert to a suggestion' },
  sign: { zh: '签收', en: 'sign for' },
  request_return: { zh: '申请退回', en: 'request a return' },
  approve_return: { zh: '同意退回', en: 'approve the return' },
  refuse_return: { zh: '不同意退回', en: 'refuse the return' },
  request_extension: { zh: '申请延期', en: 'request an extension' },
  approve_extension: { zh: '同意延期', en: 'approve the extension' },
  refuse_extension: { zh: '不同意延期', en: 'refuse the extension' },
  reply: { zh: '答复', en: 'reply' },
  open_feedback: { zh: '开放评价', en: 'open the feedback window' },
  rate: { zh: '评价', en: 'rate' },
  reopen: { zh: '重新办理', en: 'reopen' },
  close: { zh: '办结', en: 'close' },
  expire_feedback: { zh: '逾期未评价办结', en: 'close unrated' },
  publish: { zh: '公开', en: 'publish' },
};
