/**
 * Suggestions that are not taken up (不予立案): what a representative sometimes hands in that is a
 * personal matter, a case before a court, a claim for the petitions channel, a matter above the
 * congress's level, or a concern without a proposal — each with the note the staff send back.
 * The reason codes are those of the refusal list (suggestions.vocab.ts DEFAULT_REFUSAL_REASONS).
 */
import type { CategoryCode } from './opinions.topics.ts';
import type { Place } from './suggestions.topics.ts';
import type { Random } from './random.ts';

export interface RefusedText {
  reason: 'personal' | 'litigation' | 'petition' | 'not_competent' | 'no_proposal' | 'other';
  category: CategoryCode;
  title: (p: Place) => string;
  background: (p: Place, r: Random) => string;
  proposals: (p: Place) => string;
  /** What the staff tell the representative. */
  note: (p: Place) => string;
}

export const REFUSED_TEXTS: readonly RefusedText[] = [
  {
    reason: 'personal',
    category: 'social_security',
    title: () => '关于解决本人亲属工伤待遇问题的建议',
    background: (_p, r) =>
      `本人亲属在某企业务工期间受伤，已治疗${r.int(3, 8)}个月，企业以未签订劳动合同为由拒绝承担工伤待遇，家庭生活陷入困难。`,
    proposals: () => '请人力社保部门督促该企业依法认定工伤并支付相关待遇。',
    note: () => '所涉工伤待遇纠纷可向劳动保障监察机构投诉或申请劳动仲裁，依法解决。',
  },
  {
    reason: 'litigation',
    category: 'business',
    title: (p) => `关于督促尽快审结${p.company}工程款纠纷案件的建议`,
    background: (p, r) =>
      `${p.company}承建的厂房工程竣工已${r.int(2, 4)}年，发包方拖欠工程款${r.int(300, 900)}万元，企业已向法院起诉，案件至今尚未审结，企业资金周转困难。`,
    proposals: () => '建议法院加快审理，尽快作出判决并执行到位。',
    note: () => '案件正在人民法院审理中，代表建议不干预个案审判；企业可依法向法院申请加快审理。',
  },
  {
    reason: 'petition',
    category: 'housing',
    title: (p) => `关于解决${p.village}村民宅基地权属争议的建议`,
    background: () => '两户村民因宅基地边界问题发生争议多年，多次协调未果，双方矛盾激化。',
    proposals: () => '请有关部门重新确权，妥善化解矛盾。',
    note: (p) => `宅基地权属争议可由${p.township}组织调解，或依法申请确权，已请代表转告当事人。`,
  },
  {
    reason: 'not_competent',
    category: 'transport',
    title: () => '关于降低过境高速公路通行费标准的建议',
    background: (_p, r) =>
      `我市物流企业车辆经高速公路往返省会每趟通行费约${r.int(300, 600)}元，物流成本较高，影响企业竞争力。`,
    proposals: () => '建议降低过境高速公路货车通行费标准。',
    note: () => '高速公路收费标准由省级人民政府确定，建议通过省人大代表反映。',
  },
  {
    reason: 'not_competent',
    category: 'social_security',
    title: () => '关于提高全国基础养老金最低标准的建议',
    background: () => '城乡居民基础养老金标准偏低，难以满足农村老年人基本生活需要。',
    proposals: () => '建议国家大幅提高城乡居民基础养老金最低标准。',
    note: () => '城乡居民基础养老金最低标准由国家统一确定，代表意见已汇总上报。',
  },
  {
    reason: 'no_proposal',
    category: 'city_management',
    title: () => '关于加强城市管理的建议',
    background: () => '当前城市管理还存在不少问题，群众有意见。',
    proposals: () => '希望有关部门高度重视，切实加强管理。',
    note: () => '请代表补充调研，针对具体问题提出可操作的措施后重新提出。',
  },
  {
    reason: 'no_proposal',
    category: 'environment',
    title: () => '关于环境保护工作的建议',
    background: () => '环境保护很重要，关系群众切身利益。',
    proposals: () => '希望进一步加强环境保护工作。',
    note: () => '内容过于原则，未反映具体问题和措施，欢迎代表深入调研后重新提出。',
  },
  {
    reason: 'other',
    category: 'business',
    title: (p) => `关于支持${p.company}申报上市的建议`,
    background: (p) => `${p.company}经营状况良好，拟申报上市，希望得到政府支持。`,
    proposals: () => '建议对该企业上市给予专项资金扶持。',
    note: () => '所提事项系为特定企业争取扶持，企业可按上市扶持政策向有关部门申报。',
  },
];

/** Why a lead takes a case back (撤回). */
export function withdrawReason(r: Random): string {
  return r.pick([
    '该问题已在会前与有关部门沟通并得到解决，申请撤回。',
    '与其他代表提出的建议内容相近，本人申请撤回，改为附议。',
    '经进一步调研，建议内容需要完善，撤回后重新提出。',
    '情况已发生变化，原建议不再适用，申请撤回。',
  ]);
}
