/** The names of the actions and records, as people read them in messages, history and buttons. */
import type { Bilingual } from '../../platform/http/errors.ts';
import type { SuggestionAction, SuggestionRecord } from './suggestions.domain.ts';

export const ACTION_LABELS: Record<SuggestionAction, Bilingual> = {
  submit: { zh: '提交', en: 'submit' },
  withdraw: { zh: '撤回', en: 'withdraw' },
  register: { zh: '立案', en: 'register' },
  refuse: { zh: '不予立案', en: 'refuse' },
  merge: { zh: '并案', en: 'merge' },
  assign: { zh: '交办', en: 'assign' },
  sign: { zh: '签收', en: 'sign for' },
  request_return: { zh: '申请退回', en: 'ask to return' },
  approve_return: { zh: '同意退回', en: 'approve the return of' },
  refuse_return: { zh: '不同意退回', en: 'refuse the return of' },
  request_extension: { zh: '申请延期', en: 'ask for an extension of' },
  approve_extension: { zh: '批准延期', en: 'approve the extension of' },
  refuse_extension: { zh: '不批准延期', en: 'refuse the extension of' },
  reply: { zh: '答复', en: 'reply to' },
  evaluate: { zh: '评价', en: 'evaluate' },
  rehandle: { zh: '重新办理', en: 're-handle' },
  escalate: { zh: '提请督办', en: 'escalate' },
  close: { zh: '办结', en: 'close' },
  expire_evaluation: { zh: '逾期未评价办结', en: 'close unevaluated' },
  resolve_escalation: { zh: '督办办结', en: 'settle' },
  publish: { zh: '公开', en: 'publish' },
};

export const RECORD_LABELS: Record<SuggestionRecord, Bilingual> = {
  edit_draft: { zh: '修改草稿', en: 'edit the draft of' },
  invite: { zh: '邀请附议', en: 'invite co-signers to' },
  answer_invitation: { zh: '答复附议邀请', en: 'answer the invitation to' },
  contact: { zh: '登记沟通联系', en: 'log a contact on' },
  co_opinion: { zh: '提交协办意见', en: 'send a co-unit opinion on' },
  amend_reply: { zh: '修改答复', en: 'amend the reply to' },
  correct_reply: { zh: '更正答复', en: 'correct the reply to' },
  commitment_progress: { zh: '报送承诺事项进展', en: 'report commitment progress on' },
  flag_key: { zh: '设置重点督办', en: 'flag as key' },
};

/** The history's names for events that are records, not transitions. */
export const EVENT_LABELS: Record<string, Bilingual> = {
  create: { zh: '起草', en: 'drafted' },
  create_submitted: { zh: '代为登记', en: 'registered on paper' },
  from_opinion: { zh: '由群众意见转为建议', en: 'converted from an opinion' },
  invite: { zh: '邀请附议', en: 'co-signers invited' },
  accept_invitation: { zh: '同意附议', en: 'co-signing accepted' },
  decline_invitation: { zh: '谢绝附议', en: 'co-signing declined' },
  absorb: { zh: '并入其他建议', en: 'another case merged in' },
  contact: { zh: '沟通联系', en: 'contact logged' },
  co_opinion: { zh: '协办意见', en: 'co-unit opinion' },
  correct_reply: { zh: '更正答复', en: 'reply corrected' },
  flag_key: { zh: '重点督办', en: 'key supervision' },
  commitment_progress: { zh: '承诺事项进展', en: 'commitment progress' },
  commitment_done: { zh: '承诺事项兑现', en: 'commitment done' },
};
