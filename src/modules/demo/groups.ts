/**
 * Representative groups (代表小组). Six professional groups at city level, as Macheng set them up
 * (司法监察、产业发展、城建环保、财政经济、社会建设、农业农村, 15–30 members each, drawn by sector), and
 * about twenty regional groups: one per township or street, two per county for its city deputies,
 * and two more for the development zone and the hill towns. Most city deputies sit in a
 * professional and a regional group at once — the cross-membership the seeds describe.
 */
import type { DemoGroup, DemoGroupMember, DemoRepresentative } from './demo.types.ts';
import type { Geography } from './jurisdictions.ts';
import type { Random } from './random.ts';
import type { Roster } from './representatives.ts';

interface ProfessionalSpec {
  theme: string;
  description: string;
  /** How well each sector fits the group (0 when absent). */
  affinity: Record<string, number>;
}

const PROFESSIONAL: ProfessionalSpec[] = [
  {
    theme: '司法监察',
    description:
      '联系市中级人民法院、市人民检察院，对涉企案件办理情况开展“回头看”，监督司法保障营商环境，确保案结事了。',
    affinity: { 法律: 3, 党政干部: 2, 解放军: 1, 其他: 1 },
  },
  {
    theme: '产业发展',
    description:
      '围绕产业倍增、科创引领行动，定向结对联系开发区企业，跟踪重大产业项目建设，帮助企业解决用工、要素保障难题。',
    affinity: { 企业负责人: 3, 科技: 3, 工人: 2, 专业技术人员: 1 },
  },
  {
    theme: '城建环保',
    description: '围绕城市提质、生态环境保护开展视察调研，督促城市更新、噪声扰民和大气污染防治问题整改。',
    affinity: { 专业技术人员: 3, 企业负责人: 1, 党政干部: 1, 社会组织: 1 },
  },
  {
    theme: '财政经济',
    description:
      '围绕预算审查监督和惠企政策落实开展活动，梳理汇编《惠企政策实用手册》，建立“企业诉求办理进度表”，每月通报。',
    affinity: { 企业负责人: 3, 党政干部: 2, 专业技术人员: 1 },
  },
  {
    theme: '社会建设',
    description: '关注教育、医疗、养老、就业等民生事项，参与民生实事项目票决和跟踪监督。',
    affinity: { 教育: 3, 医疗卫生: 3, 社会组织: 3, 文化: 3 },
  },
  {
    theme: '农业农村',
    description: '围绕乡村振兴、农村饮用水安全和特色农业发展开展调研，联系专业合作社和家庭农场。',
    affinity: { 农民: 3, 党政干部: 1, 专业技术人员: 1 },
  },
];

const NUMERALS = ['一', '二', '三', '四'];

/** Members with a leader (组长) and one or two deputy leaders (副组长). */
function withRoles(rng: Random, reps: readonly DemoRepresentative[]): DemoGroupMember[] {
  const deputies = rng.chance(0.5) ? 2 : 1;
  return reps.map((r, i) => ({
    representativeCode: r.code,
    role: i === 0 ? 'leader' : i <= deputies ? 'deputy_leader' : 'member',
  }));
}

/** Orders people so those not yet in any group and best suited come first; ties broken at random. */
function byFit(
  rng: Random,
  reps: readonly DemoRepresentative[],
  fit: (r: DemoRepresentative) => number,
  placed: Set<string>,
): DemoRepresentative[] {
  const keyed = rng.shuffle(reps).map((r) => ({ r, placed: placed.has(r.code) ? 1 : 0, fit: fit(r) }));
  keyed.sort((a, b) => a.placed - b.placed || b.fit - a.fit);
  return keyed.map((k) => k.r);
}

export function buildGroups(rng: Random, geo: Geography, roster: Roster): DemoGroup[] {
  const groups: DemoGroup[] = [];
  const city = geo.city;

  // Professional groups: deputies at city level and above, who all live in the city.
  const senior = roster.active.filter(
    (r) => roster.has(r.code, 'city') || roster.has(r.code, 'provincial') || roster.has(r.code, 'national'),
  );
  const placed = new Set<string>();
  PROFESSIONAL.forEach((spec, i) => {
    const size = rng.int(15, 30);
    const chosen = byFit(rng, senior, (r) => spec.affinity[r.sector] ?? 0, placed).slice(0, size);
    chosen.forEach((r) => placed.add(r.code));
    // The leader is the best-suited member; the rest keep their order of fit.
    groups.push({
      code: `GP-PRO-${i + 1}`,
      name: `${spec.theme}专业代表小组`,
      kind: 'professional',
      jurisdictionCode: city.code,
      theme: spec.theme,
      description: `${spec.description}每名代表每年至少提交 1 件专业领域建议，参与 2 次专题调研或专项视察。`,
      members: withRoles(rng, chosen),
    });
  });

  // City deputies of each county, in two groups split by where they live.
  for (const county of geo.counties) {
    const townships = geo.townshipsOf(county.code);
    const half = Math.ceil(townships.length / 2);
    [townships.slice(0, half), townships.slice(half)].forEach((part, i) => {
      const members = part.flatMap((t) => roster.livingIn(t.code).filter((r) => roster.has(r.code, 'city')));
      groups.push({
        code: `GP-${county.code}-${i + 1}`,
        name: `市人大代表${county.name}第${NUMERALS[i]}小组`,
        kind: 'regional',
        jurisdictionCode: county.code,
        theme: null,
        description: `由${part.map((t) => t.name).join('、')}的市人大代表组成，每季度集中开展一次小组活动。`,
        members: withRoles(rng, rng.shuffle(members)),
      });
    });
  }

  // One group per township or street: the county and city deputies who live there.
  for (const t of geo.townships) {
    const living = roster
      .livingIn(t.code)
      .filter((r) => roster.has(r.code, 'county') || roster.has(r.code, 'city'));
    const members = rng.shuffle(living).slice(0, 28);
    groups.push({
      code: `GP-${t.code}`,
      name: `${t.name}人大代表小组`,
      kind: 'regional',
      jurisdictionCode: t.code,
      theme: null,
      description: `由居住和工作在${t.name}的区县级以上人大代表组成，每月开展一次代表小组活动，联系辖区选民。`,
      members: withRoles(rng, members),
    });
  }

  // The development zone's enterprise deputies, and the hill towns of the county together.
  const [donghu, xiling, nanxi] = geo.counties;
  const zone = [donghu!, xiling!]
    .flatMap((c) => roster.livingIn(c.code))
    .filter((r) => ['企业负责人', '科技', '工人'].includes(r.sector));
  groups.push({
    code: 'GP-ZONE',
    name: '清江经济开发区代表小组',
    kind: 'regional',
    jurisdictionCode: donghu!.code,
    theme: '园区',
    description: '由在开发区企业工作的各级人大代表组成，依托工业邻里中心代表服务站开展活动。',
    members: withRoles(rng, rng.sample(zone, 18)),
  });
  const hills = geo.townshipsOf(nanxi!.code).slice(2);
  const hillReps = hills.flatMap((t) =>
    roster.livingIn(t.code).filter((r) => roster.has(r.code, 'county') || roster.has(r.code, 'township')),
  );
  groups.push({
    code: 'GP-HILLS',
    name: `${nanxi!.name}山区乡镇联合代表小组`,
    kind: 'regional',
    jurisdictionCode: nanxi!.code,
    theme: '山区共富',
    description: `由${hills.map((t) => t.name).join('、')}的县、乡两级人大代表组成，围绕山区共同富裕开展联合活动。`,
    members: withRoles(rng, rng.sample(hillReps, 16)),
  });
  return groups;
}
