/**
 * The console's words for what duty performance makes public or hands over, as [简体中文, English]:
 * a representative's archive (履职档案) and its downloads, the monthly disclosures (履职公示) and
 * their corrections, the honours (履职之星) and the excellent-suggestion mark (优秀建议). The
 * disclosure kinds come with their labels from disclosure.domain.ts.
 */
import type { Pair } from './strings.ts';

export const DISCLOSURE_STRINGS = {
  // ── Archive ────────────────────────────────────────────────────────────
  'perf.archive.subtitle': [
    '代表一年的履职情况：参加活动、提出建议、群众意见与得分，可导出向选民报告履职的材料',
    'A representative’s year: activities, suggestions, opinions and the score, with the report to the voters',
  ],
  'perf.archive.pickRep': ['选择代表', 'Choose a representative'],
  'perf.archive.pickFirst': ['请先选择一名代表', 'Choose a representative first'],
  'perf.archive.docx': ['履职报告（Word）', 'Report (Word)'],
  'perf.archive.docxTip': [
    '按档案记录生成向选民报告履职的报告稿',
    'The report to the voters (向选民报告履职), written from the record',
  ],
  'perf.archive.xlsx': ['履职记录（Excel）', 'Records (Excel)'],
  'perf.archive.xlsxTip': ['导出本年度全部履职记录明细', 'Every record of the year as a spreadsheet'],
  'perf.archive.asOf': ['本年度尚未结束，数据截至 {at}', 'The year is not over: figures as of {at}'],
  'perf.archive.employer': ['工作单位及职务', 'Employer and post'],
  'perf.archive.constituency': ['选区', 'Constituency'],
  'perf.archive.delegation': ['所在代表团', 'Delegation'],
  'perf.archive.stations': ['进站联系', 'Stations'],
  'perf.archive.activities': ['参加活动（出席/应邀）', 'Activities (present / invited)'],
  'perf.archive.activitiesSub': [
    '主持 {h} · 请假 {l} · 缺席 {a} · 待参加 {u}',
    'hosted {h} · leave {l} · absent {a} · coming {u}',
  ],
  'perf.archive.suggestions': ['建议（领衔+附议）', 'Suggestions (lead + co-signed)'],
  'perf.archive.suggestionsSub': [
    '已答复 {r}（A类 {a} · B类 {b} · C类 {c}）· 重点督办 {k} · 优秀 {e}',
    'replied {r} (A {a} · B {b} · C {c}) · key {k} · excellent {e}',
  ],
  'perf.archive.opinions': ['收到群众意见', 'Opinions received'],
  'perf.archive.opinionsSub': [
    '已答复 {r} · 已解决 {s} · 办理中 {o} · 上年结转 {c}',
    'replied {r} · solved {s} · open {o} · from last year {c}',
  ],
  'perf.archive.satisfaction': ['群众满意率', 'Satisfaction'],
  'perf.archive.satisfactionSub': [
    '评价 {n} 件：满意 {s} · 基本满意 {b} · 不满意 {u}',
    '{n} rated: satisfied {s} · basically {b} · unsatisfied {u}',
  ],
  'perf.archive.byType': ['按活动类型（出席次数）', 'Attended, by type'],
  'perf.archive.timeline': ['履职记录（{n}）', 'Records ({n})'],
  'perf.archive.month': ['{y}年{m}月', '{y}-{m}'],
  'perf.archive.empty': ['暂无履职记录', 'No records'],
  'perf.outcome.attended': ['出席', 'Present'],
  'perf.outcome.leave': ['请假', 'On leave'],
  'perf.outcome.absent': ['缺席', 'Absent'],
  'perf.outcome.upcoming': ['尚未举行', 'Coming'],
  'perf.outcome.cancelled': ['活动取消', 'Cancelled'],

  // ── Disclosures ────────────────────────────────────────────────────────
  'perf.disc.subtitle': [
    '按月公示联络站和代表的履职情况；已公示的内容不再修改，更正以新版本公示，历次版本均可查阅',
    'Stations’ and representatives’ months made public; never edited, a correction is a new version and every version stays readable',
  ],
  'perf.disc.tabList': ['已公示', 'Published'],
  'perf.disc.tabPublish': ['发布公示', 'Publish'],
  'perf.disc.kind': ['对象类型', 'Station or representative'],
  'perf.disc.month': ['月份', 'Month'],
  'perf.disc.subject': ['公示对象', 'Subject'],
  'perf.disc.version': ['版本', 'Version'],
  'perf.disc.correctedN': ['更正 · 第 {v} 版', 'Corrected · v{v}'],
  'perf.disc.publishedAt': ['公示时间', 'Published'],
  'perf.disc.publishedBy': ['{by} 于 {at} 发布', 'Published {at} by {by}'],
  'perf.disc.correctionNote': ['更正说明', 'Correction note'],
  'perf.disc.none': ['暂无公示', 'Nothing published'],
  'perf.disc.pickSubject': [
    '选择联络站或代表，预览所选月份的公示内容',
    'Choose a station or a representative to preview the month',
  ],
  'perf.disc.previewNote': [
    '以下是按当前记录生成的预览；发布后向社会公开，内容不可修改。',
    'A preview from the records as they stand; once published it is public and cannot be edited.',
  ],
  'perf.disc.previewTitle': ['{name} · {month} · 公示预览', '{name} · {month} · preview'],
  'perf.disc.publish': ['发布公示', 'Publish'],
  'perf.disc.publishConfirm': ['发布本月公示？', 'Publish this month?'],
  'perf.disc.publishConfirmText': [
    '发布后向社会公开，内容不可修改；记录有变化的，可发布更正。',
    'It becomes public and cannot be edited; if the records change, publish a correction.',
  ],
  'perf.disc.published': ['已发布公示', 'Published'],
  'perf.disc.alreadyPublished': ['该月已于 {at} 公示（第 {v} 版）', 'Published {at} (version {v})'],
  'perf.disc.alreadyPublishedText': [
    '已公示的内容不可修改。记录有变化的，可发布更正：按当前记录生成新版本公示，原版本仍可查阅。',
    'What is published is not edited. If the records changed, publish a correction: a new version from the records now, the old one kept.',
  ],
  'perf.disc.view': ['查看公示', 'View'],
  'perf.disc.correct': ['发布更正', 'Publish a correction'],
  'perf.disc.correctTitle': ['发布更正', 'Publish a correction'],
  'perf.disc.correctIntro': [
    '更正将按当前记录生成新版本并公示，原版本保留可查。请说明更正的原因。',
    'The correction is a new version from the records as they stand; the old one stays readable. Say why.',
  ],
  'perf.disc.correctPlaceholder': [
    '如：补登3月12日接待选民活动的出勤',
    'e.g. attendance at the 12 March reception day recorded late',
  ],
  'perf.disc.correctOk': ['发布更正', 'Publish'],
  'perf.disc.corrected': ['已发布更正（第 {v} 版）', 'Correction published (version {v})'],
  'perf.disc.correctionOf': ['本版为对第 {v} 版的更正', 'This corrects version {v}'],
  'perf.disc.latest': ['最新', 'latest'],
  'perf.disc.superseded': ['已更正', 'superseded'],
  'perf.disc.history': ['版本记录', 'Versions'],
  'perf.disc.firstPublished': ['首次公示', 'First published'],
  'perf.disc.asOf': ['数据截至', 'As of'],
  'perf.disc.activities': ['开展活动', 'Activities'],
  'perf.disc.received': ['收到群众意见', 'Opinions received'],
  'perf.disc.replied': ['已答复 {n} 件', '{n} replied'],
  'perf.disc.solved': ['已解决', 'Solved'],
  'perf.disc.satisfaction': ['满意率', 'Satisfaction'],
  'perf.disc.rated': [
    '评价 {n} 件：满意 {s}、基本满意 {b}、不满意 {u}',
    '{n} rated: {s} satisfied, {b} basically, {u} not',
  ],
  'perf.disc.attendance': [
    '应邀参加活动 {i} 次，出席 {a} 次，请假 {l} 次',
    'Invited to {i} activities, present at {a}, on leave for {l}',
  ],
  'perf.disc.suggestions': ['领衔提出建议 {l} 件，附议 {c} 件', '{l} suggestions led, {c} co-signed'],
  'perf.disc.present': ['出席代表', 'Present'],
  'perf.disc.noActivities': ['本月没有活动', 'No activities this month'],
  'perf.disc.byCategory': ['意见类别', 'By category'],

  // ── Honours ────────────────────────────────────────────────────────────
  'perf.honour.subtitle': [
    '年度履职之星等表彰，附评定时的得分和所依据的规则版本',
    'Honours of the year, with the score and the rules version each was awarded on',
  ],
  'perf.honour.fromRanking': ['从排名中评选', 'Pick from the ranking'],
  'perf.honour.none': ['{year}年度尚未评选', 'No honours for {year} yet'],
  'perf.honour.n': ['{n} 人', '{n}'],
  'perf.honour.meta': ['依据第 {v} 版规则得分 · {at} 评定', 'Scored under version {v} · awarded {at}'],
  'perf.honour.awardTitle': ['评为履职之星', 'Award an honour'],
  'perf.honour.awardOk': ['确认评定', 'Award'],
  'perf.honour.title': ['荣誉名称', 'Honour'],
  'perf.honour.default': ['履职之星', 'Star representative'],
  'perf.honour.citation': ['评语', 'Citation'],
  'perf.honour.citationPlaceholder': [
    '如：积极参加联络站接待选民活动，领衔提出的建议被评为优秀建议',
    'e.g. a regular at reception days; led a suggestion rated excellent',
  ],
  'perf.honour.note': [
    '评定时记录代表当时的得分和规则版本，表彰名单将向社会公开。',
    'The score and rules version at the time are kept with the award; the list is made public.',
  ],
  'perf.honour.awarded': ['已评定 {n} 名代表', '{n} honoured'],

  // ── Excellent suggestions ──────────────────────────────────────────────
  'perf.excellent.label': ['优秀建议', 'Excellent'],
  'perf.excellent.tag': ['优秀建议', 'Excellent'],
  'perf.excellent.mark': ['评为优秀建议', 'Mark excellent'],
  'perf.excellent.unmark': ['取消优秀', 'Unmark'],
  'perf.excellent.confirm': ['评为优秀建议？', 'Mark as excellent?'],
  'perf.excellent.confirmText': [
    '领衔代表将按评价规则获得优秀建议加分。',
    'The lead earns the excellent bonus the rules give.',
  ],
  'perf.excellent.marked': ['已评为优秀建议', 'Marked excellent'],
  'perf.excellent.unmarked': ['已取消优秀建议', 'Mark removed'],
} as const satisfies Record<string, Pair>;
