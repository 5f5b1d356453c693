/**
 * A first pass at the redaction a published case needs (DESIGN.md §4.1: only with consent, redacted):
 * phone numbers, ID-card numbers, e-mail addresses, and names — those we know (the submitter's) and
 * those the text gives away ("我叫王小明", "张先生", "联系人：李某"). It is a starting point: the
 * staff member reads and edits the text before publishing.
 */

const MASK = '**';

/** 13812345678, 138-1234-5678, 138 1234 5678, +86 138…; landlines 0571-87654321, (0571)87654321. */
const PHONE = /(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|(?:\(0\d{2,3}\)|0\d{2,3})[\s-]?\d{7,8}/g;
const ID_CARD = /\b\d{17}[\dXx]\b|\b\d{15}\b/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** Long digit runs left after the above (bank cards, licence plates' digits are shorter). */
const LONG_DIGITS = /\d{9,}/g;

/** "我叫王小明" / "本人张三" / "姓名：李四" / "联系人 赵六": the name after the cue. */
const NAME_CUE =
  /(我叫|我是|本人|姓名[:：]?\s*|联系人[:：]?\s*|反映人[:：]?\s*|签名[:：]?\s*)([\u4e00-\u9fa5]{2,3})(?=[，。,.;；！!\s、的]|$)/g;

/** Common surnames, for "王先生", "李阿姨", "张师傅". */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const TITLED = new RegExp(
  `([${SURNAMES}])(先生|女士|小姐|师傅|阿姨|大爷|大妈|大姐|大哥|老师|老板|奶奶|爷爷|同志|某某)`,
  'g',
);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function redact(text: string, knownNames: readonly (string | null | undefined)[] = []): string {
  let out = text;
  for (const name of knownNames) {
    const n = name?.trim();
    // Masked forms like "王*" carry nothing to blank out.
    if (!n || n.length < 2 || n.includes('*')) continue;
    out = out.replace(new RegExp(escapeRegExp(n), 'g'), '某某');
  }
  out = out
    .replace(EMAIL, MASK)
    .replace(ID_CARD, MASK)
    .replace(PHONE, MASK)
    .replace(LONG_DIGITS, MASK)
    .replace(NAME_CUE, (_m, cue: string) => `${cue}某某`)
    .replace(TITLED, (_m, _surname: string, title: string) => `某${title}`);
  return out;
}
