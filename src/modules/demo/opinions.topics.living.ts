/**
 * The neighbourhood's complaints: housing and estates, street management (路灯, 停车, 占道, 垃圾),
 * water and power, the environment, transport and public safety — each template one problem,
 * said in a few ways, with the replies that answer it: what was done, when, and who to call.
 */
import { contactLine, since, some, type Topic } from './opinions.topics.ts';

export const LIVING_TOPICS: Topic[] = [
  // ── 城乡建设与住房 ──────────────────────────────────────────────────────────────
  {
    key: 'elevator',
    category: 'housing',
    minLevel: 'county',
    where: 'urban',
    convertible: true,
    weight: 1.4,
    results: [3, 4, 3],
    text: (s, r) =>
      r.pick([
        `${s.estate}是上世纪九十年代建成的老小区，${s.building}幢一共六层，住的大多是七八十岁的老人，上下楼非常吃力。我们单元已有${some(r, 6, 10)}户签字同意加装电梯，但不清楚审批流程和补助政策，希望有关部门给予指导和支持。`,
        `我家住${s.estate}${s.building}幢五楼，老伴腿脚不好，${since(r)}基本下不了楼。想在单元里加装电梯，但一楼住户不同意，事情一直推不动，希望政府出面协调。`,
        `建议在${s.village}的老旧小区推广加装电梯。${s.estate}${s.building}幢的居民都有意愿，但费用怎么分摊、手续怎么办，居民自己搞不定，希望住建部门上门指导。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `收到您反映的${s.estate}${s.building}幢加装电梯事项后，${f.we}会同${s.township}于${f.d1}到现场踏勘，并召开单元业主协调会。${f.d2}，该单元加装电梯方案已通过联合审查，可享受每台20万元的财政补助，施工单位计划于${f.plan}前进场。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `${f.we}于${f.d1}会同社区到${s.estate}${s.building}幢了解情况，已指导居民完成意见征询和初步方案设计。目前一楼住户对采光和噪声仍有顾虑，社区已安排第二次协调会，待全体业主签字确认后即可申请联合审查。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `根据本市既有住宅加装电梯的实施办法，加装电梯须经本单元专有部分面积占比三分之二以上、人数占比三分之二以上的业主同意，公示无异议后向区住建部门申请联合审查，符合条件的每台补助20万元。${f.d1}我们已通过${s.village}把办理流程和所需材料告知您，也可到${s.township}便民服务中心咨询。${contactLine(f, r)}`,
    },
    onSpot: (s) =>
      `代表当场解释：老旧小区加装电梯须本单元三分之二以上业主同意、公示无异议后申请联合审查，每台可补助20万元。建议先由${s.village}组织意见征询，代表会后跟进协调。`,
  },
  {
    key: 'roof_leak',
    category: 'housing',
    where: 'urban',
    results: [6, 3, 1],
    text: (s, r) =>
      r.pick([
        `我住${s.estate}${s.building}幢顶楼，${since(r)}一下雨屋顶就渗水，卧室墙面发霉起皮。找物业说要动用住宅专项维修资金，申请交上去两个月了还没有批下来。`,
        `${s.estate}${s.building}幢楼顶防水层老化，顶楼${some(r, 3, 6)}户家里都漏水，墙皮一块块往下掉，请尽快安排维修。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}派员到${s.estate}${s.building}幢查看，确认屋面防水层老化渗漏。经协调物业和业委会，维修资金使用申请已于${f.d2}审批通过，屋面防水已重新铺设，室内受损墙面由物业修复。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `经${f.d1}现场核实，${s.building}幢屋面确有渗漏。维修资金申请已进入公示环节，物业先对渗漏最严重的部位做了临时封堵，整体翻修计划于${f.plan}前完成。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `经核查，${s.estate}${s.building}幢仍在开发企业的防水保修期内，应由开发企业负责维修。${f.we}已于${f.d2}书面通知开发企业限期处理，您也可直接联系物业报修。${contactLine(f, r)}`,
    },
  },
  {
    key: 'property_service',
    category: 'housing',
    where: 'urban',
    shared: true,
    results: [5, 4, 1],
    text: (s, r) =>
      r.pick([
        `${s.estate}的物业服务太差了：楼道灯坏了一个多月没人修，垃圾经常两三天才清运一次，小区门禁也坏了，物业费却一分不少收。`,
        `反映${s.estate}物业问题：${since(r)}楼道灯不亮、门禁失灵、垃圾堆在楼下没人清，业主打物业电话没人接，希望街道督促物业整改。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}约谈${s.estate}物业服务企业，责令对楼道照明、门禁和垃圾清运问题限期整改。${f.d2}会同社区复查，相关问题已整改到位，并将该物业纳入季度考评重点对象。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `经${f.d1}现场检查，${s.estate}物业服务存在不到位情况，已下发整改通知。目前楼道照明和垃圾清运已整改，门禁系统更换需业主大会表决使用维修资金，社区将每周跟踪。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `物业服务内容和标准以业主与物业签订的合同为准，${f.we}已于${f.d1}督促物业公开服务事项和收费明细。业主对物业不满意的，可通过业主大会依法选聘或解聘物业。${contactLine(f, r)}`,
    },
  },
  {
    key: 'owners_committee',
    category: 'housing',
    where: 'urban',
    results: [3, 4, 3],
    text: (s, r) =>
      r.pick([
        `${s.estate}业委会换届拖了一年多还没选出来，物业合同到期后一直是原物业“代管”，维修资金账目也不公开，业主意见很大。`,
        `${s.estate}的业委会成员${since(r)}基本不开会，小区公共收益（广告、停车费）去向不明，请街道指导业主依法换届。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}指导社区成立${s.estate}业委会换届小组，完成业主信息核对和候选人公示，${f.d2}召开业主大会选举产生新一届业委会，小区公共收益账目已在公告栏公示。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `换届小组已于${f.d1}成立，业主信息核对正在进行，预计${f.plan}前召开业主大会。公共收益账目已责令原业委会和物业在公告栏公示。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `业委会换届须由街道、社区指导，经业主信息核对、候选人公示等程序后召开业主大会。换届期间原物业须继续提供服务，公共收益应按规定公示。${f.we}已把程序和时间安排告知${s.village}。${contactLine(f, r)}`,
    },
  },
  {
    key: 'rural_house',
    category: 'housing',
    where: 'rural',
    results: [5, 3, 2],
    text: (s, r) =>
      r.pick([
        `我家在${s.estate}，老房子是七十年代的土木结构，墙体开裂，想在原址翻建。农房审批材料交到镇里一个多月了还没有消息，眼看雨季要来了，很着急。`,
        `${s.estate}的宅基地建房审批太慢了，我家申请原址翻建，村里、镇里来回跑了好几趟，到现在还没批下来。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}组织村建员到${s.estate}现场踏勘，您的建房申请材料齐全、选址符合村庄规划，已于${f.d2}完成审批并核发乡村建设规划许可证，请按批准的面积和层数施工。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `${f.d1}现场踏勘后，您的建房选址已通过审查，用地审批正在县里办理，预计${f.plan}前办结。期间可先做施工准备。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `经查，您的建房申请缺少村民代表会议意见和四邻签字，审批暂停。${f.d1}村里已把补充材料清单告知您家属，材料补齐后${f.we}将在5个工作日内办结。${contactLine(f, r)}`,
    },
  },
  {
    key: 'dilapidated_houses',
    category: 'housing',
    where: 'rural',
    results: [4, 4, 2],
    text: (s, r) =>
      r.pick([
        `${s.estate}有${some(r, 2, 5)}户独居老人住的还是危旧房，下雨漏、刮风怕，希望能纳入农村危房改造。`,
        `${s.village}几间老房子墙都歪了，里面还住着人，一到台风天就提心吊胆，请有关部门来鉴定一下。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}组织技术人员入户鉴定，${s.village}的危旧房已全部纳入本年度农村危房改造，${f.d2}完成加固，住户在改造期间已妥善安置。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `经${f.d1}入户核查，其中两户鉴定为C级危房，已上报纳入改造计划并先行转移住户；其余房屋等级鉴定正在进行，${f.plan}前出结果。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `经鉴定，${s.village}相关房屋为B级，暂不属于危房改造范围。村里已安排对屋面和墙体进行修缮，台风、暴雨期间将组织人员转移。${contactLine(f, r)}`,
    },
  },
  {
    key: 'property_certificate',
    category: 'housing',
    minLevel: 'county',
    shared: true,
    results: [3, 5, 2],
    text: (s, r) =>
      r.pick([
        `${s.road}的安置小区交付已经两年多了，不动产权证一直办不下来，孩子上学、落户都受影响，希望尽快解决。`,
        `我们是${s.estate}的业主，${since(r)}一直在问办证的事，开发商说是手续问题，各部门互相推，到底什么时候能办？`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}牵头召开协调会，开发企业已补缴相关税费并完成竣工验收备案。${f.d2}起，${s.estate}业主可携带购房合同、身份证到不动产登记中心办理产权证，登记中心已开设专窗。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `经核查，${s.estate}办证受阻的原因是部分楼栋消防验收未通过。${f.we}已督促开发企业整改，已通过验收的楼栋于${f.d2}开始分批办证，其余楼栋预计${f.plan}前具备办证条件。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `${s.estate}项目因开发企业与原土地使用权人存在纠纷，目前已进入司法程序，待法院裁决后方可办理首次登记。${f.we}将持续跟进，有进展会第一时间通过社区告知业主。${contactLine(f, r)}`,
    },
  },

  {
    key: 'new_home_quality',
    category: 'housing',
    minLevel: 'city',
    where: 'urban',
    shared: true,
    results: [5, 4, 1],
    text: (s, r) =>
      r.pick([
        `${s.estate}今年刚交付的新房，${since(r)}陆续发现墙面开裂、窗户渗水，开发商只派人刷刷漆应付，业主要求住建部门督促开发商整改。`,
        `我们是${s.estate}的业主，收房时发现${s.building}幢外墙空鼓、地下室渗水，开发商一直拖着不修，请住建部门介入。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}组织建设工程质量监督站到${s.estate}现场检查，确认存在墙面开裂和渗漏问题，已责令开发企业限期维修。${f.d2}复查，相关部位已整改完毕，${f.we}将跟踪保修期内的维修情况。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `经${f.d1}现场检查，已责令开发企业制定维修方案，外墙修复已完成，地下室渗水需在雨季后施工，预计${f.plan}前完成。${contactLine(f, r)}`,
      explained: (s, f) =>
        `商品房交付后，保修期内的质量问题由开发企业负责维修。${f.we}已于${f.d1}约谈${s.estate}开发企业，要求建立维修台账、限时处理，业主可向物业报修登记，也可拨打${f.tel}投诉。`,
    },
  },
  {
    key: 'delayed_delivery',
    category: 'housing',
    minLevel: 'city',
    where: 'urban',
    shared: true,
    convertible: true,
    results: [3, 4, 3],
    text: (s, r) =>
      r.pick([
        `${s.estate}合同约定去年年底交房，开发商一拖再拖，到现在还没交付，首付和贷款都交了，每个月还得付房租。`,
        `${s.road}的${s.estate}项目停工快半年了，工地上没几个人，我们这些买房的业主很担心成了烂尾楼。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}牵头召开专题协调会，督促开发企业落实复工资金和施工力量，${s.estate}项目已于${f.d2}全面复工，计划于${f.plan}前完成竣工验收并交付，逾期交付违约金按合同约定支付。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `${s.estate}项目已于${f.d2}复工，预售资金监管账户已加强监管，确保资金用于工程建设；开发企业承诺在${f.plan}前交付，我们将每月跟踪进度。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `逾期交房属于购房合同约定的民事责任，业主可依据合同向开发企业主张违约金。${f.we}已将${s.estate}项目列入重点监管，督促开发企业按计划施工，并做好与业主的沟通。${contactLine(f, r)}`,
    },
  },
  {
    key: 'gas_pipes',
    category: 'housing',
    minLevel: 'city',
    where: 'urban',
    results: [5, 4, 1],
    text: (s, r) =>
      r.pick([
        `${s.estate}的燃气管道是二十多年前装的，${s.building}幢楼道里的管子锈得很厉害，${since(r)}经常能闻到煤气味。`,
        `${s.estate}${s.building}幢的燃气立管锈蚀，上次燃气公司来检查说要整体更换，到现在也没动静，住户心里不踏实。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}督促燃气企业到${s.estate}开展安全检查，更换了${s.building}幢锈蚀立管和阀门，${f.d2}检测无泄漏，该小区已纳入今年老旧燃气管网改造。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `燃气企业已于${f.d1}对${s.building}幢进行检漏并更换了锈蚀最严重的管段，全小区管网改造已列入计划，预计${f.plan}前完工。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `${s.estate}燃气管网改造已列入明年老旧小区改造计划，在此之前燃气企业每季度上门安全检查一次。发现燃气泄漏请立即关阀开窗并拨打燃气抢修电话或119。${contactLine(f, r)}`,
    },
  },

  // ── 城市管理 ──────────────────────────────────────────────────────────────────
  {
    key: 'street_lights',
    category: 'city_management',
    shared: true,
    weight: 1.5,
    results: [8, 1, 1],
    text: (s, r) =>
      r.pick([
        `${s.road}从${s.estate}到${s.school}一段，路灯${since(r)}都不亮，晚上一片漆黑，学生晚自习回家很不安全。`,
        `${s.road}${s.road2}路口附近有${some(r, 3, 8)}盏路灯坏了，晚上骑电动车看不清路，前几天有老人摔倒了。`,
        `${s.village}${s.rural ? '村口到大路' : '小区外围'}的路灯时亮时不亮，${since(r)}每天晚上九点以后就全黑了，希望尽快修一下。`,
      ]),
    place: (s) => `${s.township}${s.road}`,
    reply: {
      solved: (s, f, r) =>
        `接到您反映后，${f.we}于${f.d1}安排维修人员夜间巡查，确认${s.road}一带有${some(r, 3, 8)}盏路灯因线路老化不亮。已于${f.d2}更换线缆和灯具，目前已全部恢复正常照明。今后我们将加密夜间巡查频次。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `经${f.d1}夜间巡查，路灯故障系地下电缆被施工挖断所致。已先行架设临时线路恢复大部分照明，电缆更换需结合道路施工，计划${f.plan}前完成。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `经查，您反映路段的部分路灯属于小区内部设施，由物业负责维护，不属于市政路灯管理范围。${f.we}已于${f.d1}通知物业维修，并请${s.village}督促落实。${contactLine(f, r)}`,
    },
  },
  {
    key: 'parking',
    category: 'city_management',
    where: 'urban',
    shared: true,
    convertible: true,
    weight: 1.5,
    results: [3, 5, 2],
    text: (s, r) =>
      r.pick([
        `${s.estate}车位严重不足，晚上车都停到${s.road}上，早高峰一堵就是半小时。建议利用${s.park}旁边的空地建个公共停车场。`,
        `停车难已经成了${s.village}居民最头疼的事。${s.estate}建成时车位配比只有0.3，现在几乎家家有车，希望错时共享周边单位的停车位。`,
      ]),
    place: (s) => `${s.township}${s.road}`,
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}会同交警、社区对${s.road}停车情况调研，新施划夜间临时停车泊位${some(r, 30, 80)}个，并协调周边${some(r, 2, 4)}家单位夜间向居民开放内部停车场，${f.d2}起已正式运行。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `经现场调研，${s.estate}周边停车缺口较大。${f.we}已于${f.d2}在${s.road}施划错时停车泊位，缓解了部分压力；新建公共停车场需纳入明年计划，正在开展前期论证。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `${s.park}旁空地为规划绿地，不能改作停车场。${f.we}正在编制片区停车设施专项规划，将统筹考虑${s.village}停车需求，并鼓励小区内部挖潜增设车位。${contactLine(f, r)}`,
    },
  },
  {
    key: 'market_parking',
    category: 'city_management',
    where: 'urban',
    results: [6, 3, 1],
    text: (s, r) =>
      r.pick([
        `${s.market}门口停车太乱，私家车、三轮车乱停乱放，把消防通道都堵死了，请城管加强管理。`,
        `${s.market}门口每天早上流动摊贩占道经营，人行道被堵死，老人小孩只能走机动车道，太危险了。`,
      ]),
    place: (s) => `${s.township}${s.market}`,
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}起对${s.market}周边开展早晚两时段定点值守，清理占道摊点和乱停车辆，引导流动摊贩进入市场内的临时疏导点经营，并施划了三轮车临时停放区，人行道和消防通道已恢复畅通。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `${s.market}门口的占道问题已于${f.d2}集中整治，目前早高峰仍有反弹，${f.we}已安排执法队员每天6时至9时驻点，${f.plan}前将完成市场周边停车泊位改造。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `${s.market}周边道路由交警部门施划了限时停车泊位，${f.we}负责占道经营管理，已于${f.d1}加强巡查。车辆违停可拨打122举报。${contactLine(f, r)}`,
    },
  },
  {
    key: 'night_stalls',
    category: 'city_management',
    where: 'urban',
    months: [5, 6, 7, 8, 9, 10],
    results: [5, 4, 1],
    text: (s, r) =>
      r.pick([
        `${s.road}夜宵摊${since(r)}越摆越多，桌椅一直摆到马路上，凌晨一两点还在喧哗，垃圾满地。`,
        `${s.estate}楼下的烧烤摊每天营业到后半夜，油烟直往楼上窜，吵得睡不着觉。`,
      ]),
    place: (s) => `${s.township}${s.road}`,
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}夜间执法检查，对${s.road}${some(r, 5, 12)}家超范围经营的夜宵摊责令整改，桌椅不得出店、23时后停止户外经营，烧烤摊已加装油烟净化设备。${f.d2}复查已整改到位。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `已对${s.road}夜宵摊点开展专项整治，占道问题已改善；噪声问题正在会同派出所加强夜间巡查，${f.plan}前将进行复查。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `${s.road}夜市是区里规划的临时经营点，经营时间为18时至次日0时。${f.we}已于${f.d2}要求经营户严格按时收摊、落实门前三包，超时经营的将依法处理。${contactLine(f, r)}`,
    },
  },
  {
    key: 'garbage_point',
    category: 'city_management',
    shared: true,
    results: [7, 2, 1],
    text: (s, r) =>
      r.pick([
        `${s.estate}的垃圾分类投放点离${s.building}幢太近，夏天臭气熏天、蚊蝇乱飞，清运车${since(r)}经常隔天才来一次。`,
        `${s.village}的垃圾桶满了也没人清，${since(r)}垃圾堆到了路边，野猫野狗翻得到处都是。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}会同环卫公司到${s.village}查看，已将垃圾投放点迁至远离住宅楼的位置，清运频次调整为每日早晚两次，并对投放点进行了冲洗消杀。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `清运频次已于${f.d2}调整为每日两次，堆积垃圾已清理。投放点迁移需征求业主意见，社区将于${f.plan}前组织征询。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `垃圾投放点的位置经业主大会表决确定，调整需重新征求业主意见。${f.we}已要求物业每日清洗投放点，环卫公司按时清运。${contactLine(f, r)}`,
    },
  },
  {
    key: 'construction_waste',
    category: 'city_management',
    results: [6, 3, 1],
    text: (s, r) =>
      r.pick([
        `${s.village}${s.rural ? '村道两边' : '小区外面'}有人乱倒建筑垃圾和大件家具，堆了好几个月没人清理。`,
        `${s.road}边上的空地成了垃圾场，装修垃圾一车车往这里倒，晚上还有人偷偷来倒。`,
      ]),
    place: (s) => `${s.township}${s.road}`,
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}组织清运，${s.road}一带的建筑垃圾已于${f.d2}全部清理，共清运${some(r, 20, 80)}车，并安装了监控探头、设置了围挡，对查实的倾倒者依法处罚。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `路边的建筑垃圾已于${f.d2}清运，并安装了监控。装修垃圾临时堆放点正在选址，确定后会在社区公告。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `该空地属于在建项目用地，由建设单位负责管理。${f.we}已于${f.d1}责令建设单位清理并设置围挡，居民装修垃圾可预约社区统一清运。${contactLine(f, r)}`,
    },
  },
  {
    key: 'illegal_building',
    category: 'city_management',
    results: [5, 3, 2],
    text: (s, r) =>
      r.pick([
        `${s.estate}${s.building}幢一楼住户私自圈占公共绿地搭建阳光房，还在院子里加盖了彩钢棚，多次向物业反映都没用。`,
        `${s.estate}${s.building}幢顶楼住户在楼顶违章加盖了一层，施工时把防水层都破坏了，楼下漏水。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}到现场核查，确认${s.estate}${s.building}幢存在违法搭建，已依法下达限期拆除通知书。当事人于${f.d2}自行拆除，被占用的公共部位已恢复。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `经现场测量，涉事搭建物部分占用公共部位，已责令当事人限期整改；彩钢棚已拆除，其余部分将于${f.plan}前依法处置。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `经核查，您反映的构筑物为${s.estate}开发时经规划许可的设备用房，不属于违法建设。相关图纸可到区综合行政执法局查阅。${contactLine(f, r)}`,
    },
  },
  {
    key: 'shop_awning',
    category: 'city_management',
    where: 'urban',
    results: [6, 3, 1],
    text: (s, r) =>
      r.pick([
        `${s.road}有商户在店门口违章搭建雨棚和隔间，占了一大半人行道，请执法部门来看看。`,
        `${s.road}一排商铺把货物摆到人行道上，还有店家在门口洗车修车，行人只能绕到马路上走。`,
      ]),
    place: (s) => `${s.township}${s.road}`,
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}对${s.road}沿街商铺开展整治，拆除违章雨棚${some(r, 3, 8)}处，清理出店经营${some(r, 5, 15)}家，${f.d2}复查人行道已恢复通行，并纳入日常巡查。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `已责令${s.road}商户限期拆除违章雨棚，出店经营已清理；个别商户在门口洗车修车的，已移交相关部门处理，${f.plan}前复查。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `${s.road}部分雨棚为统一设计审批的店招附属设施，不属于违法搭建。出店经营问题${f.we}已加强巡查，发现可拨打12345。${contactLine(f, r)}`,
    },
  },
  {
    key: 'square_dance',
    category: 'city_management',
    months: [4, 5, 6, 7, 8, 9, 10],
    results: [5, 4, 1],
    text: (s, r) =>
      r.pick([
        `${s.park}每天晚上广场舞音响开得特别大，一直跳到九点半以后，附近${s.estate}的孩子没法写作业，老人没法休息。`,
        `${s.park}${since(r)}每天早上六点就有人放音乐跳舞，音量很大，上夜班的人根本睡不了觉。`,
      ]),
    place: (s) => `${s.township}${s.park}`,
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}会同社区、派出所约谈${s.park}广场舞队负责人，约定活动时间为早7时后、晚21时前，音量不超过规定限值，并配发了定向音箱。${f.d2}回访，附近居民反映噪声明显减小。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `社区已与健身团队协商调整了活动时段和音响位置，但个别团队仍有超时现象。${f.we}将在${f.plan}前安排巡查，必要时依法处理。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `公园是公共活动场所，居民健身活动受法律保护，但不得干扰他人正常生活。${f.we}已于${f.d1}在${s.park}张贴文明健身公约，并请社区做好协调。${contactLine(f, r)}`,
    },
  },

  // ── 水电气与公用事业 ────────────────────────────────────────────────────────────
  {
    key: 'water_pressure',
    category: 'utilities',
    unit: 'water',
    shared: true,
    results: [6, 3, 1],
    text: (s, r) =>
      r.pick([
        `${s.estate}${since(r)}一到早晚用水高峰水压就很低，${s.building}幢六楼以上基本没水，洗澡做饭都成问题。`,
        `${s.estate}高层住户${since(r)}水压一直不够，热水器都打不着火，物业说是供水公司的事。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}派技术人员到${s.estate}检测，发现小区二次供水泵房变频设备故障导致高峰水压不足。设备已于${f.d2}更换，经连续三天监测，高层用户水压已恢复正常。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `经检测，${s.village}片区供水主管管径偏小，高峰时段压力不足。${f.we}已临时调整片区加压站运行方案，水压有所改善；管网改造工程已列入计划，预计${f.plan}前完工。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `经${f.d1}检测，市政管网进入小区的压力符合标准，高层水压不足是小区二次供水设施运行问题，应由物业负责维护。${f.we}已向物业出具整改建议，并提供技术指导。${contactLine(f, r)}`,
    },
  },
  {
    key: 'water_outage_notice',
    category: 'utilities',
    unit: 'water',
    shared: true,
    results: [4, 2, 4],
    text: (s, r) =>
      r.pick([
        `${s.village}${since(r)}停水好几次，都没有提前通知，家里老人孩子很不方便，希望供水部门改进。`,
        `昨天${s.estate}突然停水一整天，打客服电话一直占线，也没有说什么时候恢复。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `经查，近期停水系${s.road}管道爆管抢修，${f.we}未能及时告知，深表歉意。${f.d2}起已建立片区停水信息推送机制，计划停水提前24小时通过短信、社区群和小区公告发布，客服热线增设了坐席。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `停水原因是配合${s.road}道路施工进行管网迁改，${f.we}已要求施工期间设临时供水点；停水短信通知已覆盖${s.estate}，其他小区正在完善登记。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `近期停水系配合${s.road}道路施工进行的管网迁改，因施工单位临时调整工期未能及时告知，${f.we}深表歉意。今后停水信息将通过短信、社区群和小区公告提前发布。${contactLine(f, r)}`,
    },
  },
  {
    key: 'drinking_water',
    category: 'utilities',
    unit: 'water',
    where: 'rural',
    shared: true,
    convertible: true,
    results: [4, 4, 2],
    text: (s, r) =>
      r.pick([
        `${s.village}的自来水${since(r)}经常发黄、有沉淀，烧开后壶底一层水垢，村民担心饮用水安全，希望检测一下水质。`,
        `${s.estate}的自来水一下大雨就浑浊，夏天还有异味，村民都不敢直接喝，希望农村饮用水提标改造能早日覆盖到我们村。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}在${s.village}取水样送检，结果显示浊度超标，原因是村级水站滤料老化。已于${f.d2}更换滤料并冲洗管网，复检各项指标均符合生活饮用水卫生标准。今后每季度公示一次水质检测结果。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `经检测，${s.village}水站出水达标，但雨后原水浊度波动较大。${f.we}已增加雨后加密检测，并将${s.village}纳入农村供水提标改造工程，城乡管网延伸预计${f.plan}前完成。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `${f.d1}的水质检测结果显示，${s.village}自来水各项指标符合国家标准。水中白色沉淀为钙镁离子，烧开后产生水垢属正常现象，不影响饮用安全。检测报告可在村务公开栏查看。${contactLine(f, r)}`,
    },
  },
  {
    key: 'water_bill',
    category: 'utilities',
    unit: 'water',
    results: [5, 2, 3],
    text: (s, r) =>
      r.pick([
        `我家两口人，${since(r)}水费突然涨到平时的${some(r, 3, 5)}倍，家里也没有漏水，怀疑水表有问题，申请校验。`,
        `这个月水费账单要三百多块，平时才五六十，抄表员也没来过，怀疑是估抄的。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}上门检查，发现您家水表后管道有暗漏，已协助修复。经核算，漏损水量按规定减免，多收的水费已于${f.d2}退回您的缴费账户。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `经核查，本期账单存在估抄，已按实际读数重新核算并退还差额。${s.estate}的智能水表改造已列入计划，预计${f.plan}前完成，改造后不再估抄。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `您家水表已于${f.d1}送计量所检定，误差在允许范围内，计量准确。用水量增加可能与管道暗漏有关，可关闭所有用水点后观察水表是否转动，需要时我们可上门协助查漏。${contactLine(f, r)}`,
    },
  },
  {
    key: 'power_outage',
    category: 'utilities',
    unit: 'power',
    shared: true,
    months: [6, 7, 8, 9],
    results: [5, 4, 1],
    text: (s, r) =>
      r.pick([
        `${s.village}今年夏天已经停电${some(r, 3, 8)}次了，大热天空调、冰箱都用不了，家里有老人，实在受不了。`,
        `${s.estate}${since(r)}一到晚上用电高峰就跳闸，电压也不稳，灯一闪一闪的，希望供电公司来查一查。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}对${s.village}供电线路进行排查，发现台区变压器容量不足、夏季负荷过载。已于${f.d2}完成增容改造，新装400千伏安变压器一台，目前供电稳定。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `经排查，跳闸系低压线路老化所致。已更换故障段线路和开关，电压恢复正常；台区整体改造已列入计划，预计${f.plan}前实施。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `近期${s.village}停电主要是雷雨天气导致线路故障和计划检修。检修停电将提前在“网上国网”App和村公告栏公布，故障抢修可拨打95598。${contactLine(f, r)}`,
    },
  },
  {
    key: 'meter_box',
    category: 'utilities',
    unit: 'power',
    where: 'urban',
    results: [5, 3, 2],
    text: (s, r) =>
      r.pick([
        `${s.estate}${s.building}幢楼道里的电表箱锈得关不上门，里面电线乱拉乱接，下雨天还冒火花，存在很大的安全隐患。`,
        `${s.estate}老小区的电表箱和进户线都是三十年前的，夏天空调一开就跳闸，请供电公司改造。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}派员到${s.estate}${s.building}幢检查，已更换锈蚀表箱和老化进户线，清理了私拉电线，${f.d2}完工送电，经检测运行正常。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `表箱和进户线属供电公司产权的部分已于${f.d2}更换；楼道内线路属业主共有部分，已告知物业组织维修，我们提供技术指导。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `经核实，${s.estate}楼道内的线路属于小区业主共有设施，应由物业或业主委托有资质的单位维修。${f.we}已于${f.d1}向物业出具隐患整改建议书。${contactLine(f, r)}`,
    },
  },
  {
    key: 'leaning_pole',
    category: 'utilities',
    unit: 'power',
    results: [7, 2, 1],
    text: (s, r) =>
      r.pick([
        `${s.road}上有根电线杆倾斜了，电线垂得很低，大货车经过时差点挂到，请尽快处理。`,
        `${s.village}${s.rural ? '村口' : '路边'}的电线被树枝压着，刮风时直冒火花，很危险。`,
      ]),
    place: (s) => `${s.township}${s.road}`,
    reply: {
      solved: (s, f, r) =>
        `${f.we}接报后于${f.d1}派抢修人员到现场，已对倾斜电杆扶正加固，修剪了压线树枝，并将导线弧垂调整到安全距离。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `现场隐患已于${f.d1}临时处置，该段线路迁改入地需结合道路改造，计划${f.plan}前实施。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `经查，您反映的线杆为通信运营商所有，${f.we}已于${f.d1}通知产权单位处理，并现场设置了警示标志。${contactLine(f, r)}`,
    },
  },

  // ── 生态环境 ──────────────────────────────────────────────────────────────────
  {
    key: 'factory_odour',
    category: 'environment',
    shared: true,
    weight: 1.3,
    results: [5, 4, 1],
    text: (s, r) =>
      r.pick([
        `${s.road}附近的${s.company}${since(r)}每天晚上十点以后排放刺鼻气味，附近居民晚上不敢开窗，不少人喉咙不舒服。`,
        `${s.company}白天不怎么开工，半夜偷偷生产，${s.village}一带气味很大，怀疑是在偷排废气。`,
      ]),
    place: (s) => `${s.township}${s.road}`,
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}夜间突击检查，发现${s.company}废气处理设施未正常运行，已依法立案查处，责令停产整改。企业于${f.d2}完成设施维修并经监测达标后恢复生产，我们将不定期夜查。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `经${f.d1}现场检查和走航监测，${s.village}周边异味来源为两家企业，其中一家已整改到位，另一家正在更换活性炭吸附装置，${f.plan}前完成后将再次监测。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `${f.we}于${f.d1}、${f.d2}两次夜间监测，厂界臭气浓度均符合排放标准。异味可能来自周边农田施肥，我们将继续关注，如再闻到明显异味请及时拨打12345。${contactLine(f, r)}`,
    },
  },
  {
    key: 'river_farm_runoff',
    category: 'environment',
    shared: true,
    results: [5, 4, 1],
    text: (s, r) =>
      r.pick([
        `${s.river}${s.village}段水面漂着垃圾，${since(r)}还有一股臭味，怀疑上游有养殖场偷排污水。`,
        `${s.river}这段河水发绿发臭，河边死了不少鱼，上游的养猪场是不是在往河里排粪水？`,
      ]),
    place: (s) => `${s.river}${s.village}段`,
    reply: {
      solved: (s, f, r) =>
        `接到反映后，${f.we}会同河长办于${f.d1}沿${s.river}排查，发现上游一家养殖场雨污分流不到位，已责令整改并立案处罚。河面垃圾和死鱼于${f.d2}清理完毕，水质监测已恢复正常。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `经溯源排查，养殖场已停止直排并开始建设污水处理设施，预计${f.plan}前完工；河道保洁已加密至每日一次。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `经${f.d1}采样监测，${s.river}该断面水质为III类，达到功能区要求。水体变色系高温天气藻类生长所致，上游养殖场排放达标，我们将持续监测。${contactLine(f, r)}`,
    },
  },
  {
    key: 'sewage_outfall',
    category: 'environment',
    results: [4, 5, 1],
    text: (s, r) =>
      r.pick([
        `${s.river}边有一根排污管，雨天排出来的水发黑发臭，${since(r)}越来越严重了。`,
        `${s.village}的生活污水直接排进${s.river}，夏天臭得没法在河边散步。`,
      ]),
    place: (s) => `${s.river}${s.village}段`,
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}溯源排查，确认该排口为沿河几家餐馆的污水私接雨水管所致，已责令纳管整改并处罚，${f.d2}复查排口已无污水排出。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `经溯源排查，该排口为${s.village}生活污水管网溢流口。已临时封堵并安排抽排，管网改造工程已立项，预计${f.plan}前完工。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `该管道为雨水排放口，雨天初期雨水冲刷路面会带出污物，属正常现象。${f.we}已安排定期清淤，并将该段纳入雨污分流改造规划。${contactLine(f, r)}`,
    },
  },
  {
    key: 'night_construction',
    category: 'environment',
    where: 'urban',
    results: [6, 3, 1],
    text: (s, r) =>
      r.pick([
        `${s.road}的工地${since(r)}每天施工到凌晨一两点，打桩机、渣土车声音特别大，附近${s.estate}的居民根本睡不着。`,
        `${s.estate}旁边工地晚上浇混凝土，灯光直射卧室，噪声一直持续到天亮，有没有夜间施工许可？`,
      ]),
    place: (s) => `${s.township}${s.road}`,
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}夜间到${s.road}工地检查，该工地未办理夜间施工证明，已依法处罚并责令22时后停止高噪声作业。${f.d2}复查，夜间施工已停止。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `该工地因混凝土连续浇筑工艺需要办理了夜间施工证明，${f.we}已要求施工单位使用低噪声设备、加装隔声屏障、灯光不得直射居民楼，并对连续作业时间作出限制。${contactLine(f, r)}`,
      explained: (s, f) =>
        `${s.road}工地为市重点工程，按规定办理了夜间施工证明，并已在现场和社区公示。施工单位须落实降噪措施，如发现超时、超标作业可随时拨打${f.tel}。`,
    },
  },
  {
    key: 'open_burning',
    category: 'environment',
    where: 'rural',
    months: [5, 6, 10, 11, 12],
    results: [6, 2, 2],
    text: (s, r) =>
      r.pick([
        `${s.village}有人在田里焚烧秸秆和塑料垃圾，浓烟很大，晚上整个村子都是烟味。`,
        `${s.estate}附近${since(r)}天天有人烧秸秆，烟大得看不清路，家里晾的衣服都熏黑了。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}组织网格员到${s.village}现场处置，已熄灭火点并对当事人批评教育。村里已签订秸秆禁烧承诺书，农业部门将提供秸秆还田机械服务。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `焚烧点已于${f.d1}清理，当事人已被教育。因秸秆收集点尚未建成，禁烧仍需加强巡查，收集点计划${f.plan}前建成投用。${contactLine(f, r)}`,
      explained: (s, f) =>
        `经查，当时为农户焚烧少量病虫害枯枝，已进行劝导。焚烧秸秆和垃圾违反大气污染防治规定，发现后可拨打${f.tel}或直接告诉网格员。`,
    },
  },
  {
    key: 'public_interest_dumping',
    category: 'environment',
    unit: 'jcy',
    results: [4, 4, 2],
    text: (s, r) =>
      r.pick([
        `${s.river}边上有人非法倾倒建筑垃圾和工业废料，已经堆了好几百方，有关部门一直没处理，希望检察机关关注。`,
        `${s.village}山脚下的废弃矿坑被人用来填埋不明废渣，下雨后流出的水是红色的，担心污染地下水，反映多次没人管。`,
      ]),
    place: (s) => `${s.township}${s.village}`,
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}立案开展公益诉讼调查，现场勘查确认存在非法倾倒固体废物。${f.d2}向有关行政机关发出诉前检察建议，相关部门已组织清运并对倾倒者立案查处，污染点已完成清理。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `${f.we}已于${f.d1}立案调查并委托检测，废渣已完成清运，土壤修复方案正在论证。我们将持续跟进监督，直至生态环境修复到位。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `经调查，该倾倒行为已由生态环境部门立案查处，清运工作正在进行，行政机关已依法履职，暂不符合提起公益诉讼的条件。${f.we}将跟踪监督清理进度。${contactLine(f, r)}`,
    },
  },

  // ── 交通出行 ──────────────────────────────────────────────────────────────────
  {
    key: 'bus_hours',
    category: 'transport',
    convertible: true,
    shared: true,
    weight: 1.3,
    results: [4, 4, 2],
    text: (s, r) =>
      r.pick([
        `${s.bus}公交车晚上七点以后就没有了，${s.village}的居民下班回家只能打车或者走二十多分钟，建议延长末班车时间。`,
        `${s.village}到${s.county}城区只有${s.bus}一趟车，一个小时才一班，老人去${s.hospital}看病很不方便，希望增加班次。`,
      ]),
    place: (s) => `${s.township}${s.stop}`,
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}组织公交公司对${s.bus}客流进行调查，自${f.d2}起末班车延长至21时，高峰时段班次加密至20分钟一班。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `经客流调查，${s.bus}晚间客流较少，暂不具备全线延时条件。${f.we}已协调开通${s.village}至城区的定制公交，早晚高峰各加开两班，${f.plan}起运行。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `${s.bus}线路调整需综合考虑客流、车辆和驾驶员配置，目前正在编制全市公交线网优化方案，已将您的建议纳入。方案预计${f.plan}后公开征求意见。${contactLine(f, r)}`,
    },
  },
  {
    key: 'bus_shelter',
    category: 'transport',
    results: [6, 3, 1],
    text: (s, r) =>
      r.pick([
        `${s.stop}站台没有遮雨棚和座椅，老人和学生下雨天只能站在路边淋雨等车。`,
        `${s.stop}的公交站牌被撞歪了一个多月，上面的线路信息也看不清，外地人根本不知道在哪等车。`,
      ]),
    place: (s) => `${s.township}${s.stop}`,
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}到${s.stop}现场查看，已纳入站台提升改造，新建候车亭（含遮雨棚和座椅）并更换站牌，于${f.d2}完工投用。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `${s.stop}站牌已于${f.d2}更换；因站台所在人行道宽度不足，候车亭需结合道路拓宽建设，计划${f.plan}前完成。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `${s.stop}为临时停靠站，因道路改造即将迁移，新站点将同步建设候车亭。具体位置将在站牌上公告。${contactLine(f, r)}`,
    },
  },
  {
    key: 'school_traffic',
    category: 'transport',
    shared: true,
    results: [5, 4, 1],
    text: (s, r) =>
      r.pick([
        `${s.school}门口上下学时段交通拥堵严重，接送车辆乱停，孩子过马路很危险，建议增设信号灯和临时停车泊位。`,
        `${s.road}${s.road2}路口没有红绿灯，大车多、车速快，${since(r)}已经发生好几起剐蹭，附近就是${s.school}。`,
      ]),
    place: (s) => `${s.township}${s.road}${s.road2}路口`,
    reply: {
      solved: (s, f, r) =>
        `${f.we}会同交警部门于${f.d1}到${s.school}周边勘查，已在${s.road}${s.road2}路口增设信号灯和减速带，施划接送车辆即停即走泊位${some(r, 10, 30)}个，${f.d2}起投入使用，上下学时段交警和护学岗同步值守。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `路口已于${f.d2}增设减速带和警示标志，上下学高峰安排护学岗。信号灯设置需完成交通流量评估，计划${f.plan}前安装。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `经评估，该路口流量尚未达到设置信号灯的标准，${f.we}已先行施划人行横道、增设警示标志，并建议学校实行错峰放学。${contactLine(f, r)}`,
    },
  },
  {
    key: 'rural_road',
    category: 'transport',
    where: 'rural',
    shared: true,
    results: [4, 4, 2],
    text: (s, r) =>
      r.pick([
        `通往${s.village}的村道坑坑洼洼，下雨天到处积水，大车一过泥水溅一身，${since(r)}已经有电动车骑手摔倒。`,
        `${s.estate}到镇上的道路只有三米多宽，会车困难，急弯处没有护栏和反光镜，晚上开车很危险。`,
      ]),
    place: (s) => `${s.township}${s.village}`,
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}派员对${s.village}村道进行检查，已对破损路面进行修补，并在急弯处增设波形护栏和凸面反光镜，于${f.d2}完工。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `破损路面已于${f.d2}临时修补，急弯处安全设施已先行安装。该路段拓宽改造已列入农村公路提升工程，计划${f.plan}后开工。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `该道路为村内道路，养护责任在村集体，${f.we}已于${f.d1}指导村里申报“四好农村路”以奖代补项目，获批后可实施改造。${contactLine(f, r)}`,
    },
  },
  {
    key: 'taxi',
    category: 'transport',
    where: 'urban',
    results: [5, 2, 3],
    text: (s, r) =>
      r.pick([
        `在${s.hospital}门口打出租车经常被拒载，有的司机不打表、一口价，老人不会用手机叫车，希望加强管理。`,
        `${s.hospital}门口出租车挑客、绕路的情况很多，晚上下班想打个车回${s.village}都难。`,
      ]),
    place: (s) => `${s.county}${s.hospital}`,
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}起在${s.hospital}周边开展出租车专项检查，查处拒载、不打表行为${some(r, 3, 9)}起，并设置了出租车候客点和老年人扬招牌。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `${s.hospital}门口已设置出租车候客点，高峰时段安排执法人员值守，${f.d2}以来拒载投诉明显减少；网约车“一键叫车”助老服务正在推广。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `乘客遇到拒载、不打表等情况，可记下车牌号拨打12328投诉，${f.we}将依法查处。${contactLine(f, r)}`,
    },
  },
  {
    key: 'shared_bikes',
    category: 'transport',
    where: 'urban',
    results: [6, 3, 1],
    text: (s, r) =>
      r.pick([
        `${s.road}上共享单车堆得到处都是，把人行道和盲道都堵了，早上根本过不去。`,
        `${s.stop}附近的共享电动车乱停，倒了一地也没人扶，已经绊倒过行人。`,
      ]),
    place: (s) => `${s.township}${s.road}`,
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}约谈共享单车运营企业，${s.road}已施划停放区并安排专人早晚调度，乱停车辆已于${f.d2}清理，盲道已恢复畅通。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `已约谈运营企业并施划停放区，高峰时段仍有车辆堆积，企业已增加调度人员，我们将在${f.plan}前评估并视情况核减投放量。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `共享单车由运营企业负责停放管理，发现乱停可通过App或拨打企业客服举报，${f.we}将对企业落实情况进行考核。${contactLine(f, r)}`,
    },
  },

  // ── 公共安全 ──────────────────────────────────────────────────────────────────
  {
    key: 'telecom_fraud',
    category: 'public_safety',
    unit: 'gaj',
    convertible: true,
    results: [3, 3, 4],
    text: (s, r) =>
      r.pick([
        `我们${s.estate}的老人${since(r)}接到好多冒充医保局、公检法的诈骗电话，有一户已经被骗了${some(r, 2, 8)}万元，建议多到小区搞防范电信诈骗宣传。`,
        `我父亲差点被冒充“客服”的人骗去转账，幸亏银行拦下了。${s.village}老人多，防诈骗宣传还要加强。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}辖区派出所于${f.d1}对涉案电话立案侦查，并已上报封停。${f.d2}民警进${s.village}开展反诈专场宣传，帮助老人安装国家反诈中心App，并与银行建立大额转账提醒机制。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `${f.we}已于${f.d1}组织民警和网格员入户走访，在${s.village}开展反诈宣传。被骗款项的追查工作仍在进行中。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `医保、公检法等部门不会通过电话要求转账或提供验证码。遇到可疑电话请拨打96110咨询，已被骗请立即拨打110报警。${f.we}将把${s.village}列入反诈宣传重点区域。${contactLine(f, r)}`,
    },
    onSpot: (s) =>
      `代表当场提醒：凡是电话里要求转账、提供验证码的都是诈骗，可拨打96110咨询。代表已联系辖区派出所到${s.village}开展反诈宣传。`,
  },
  {
    key: 'health_product_scam',
    category: 'public_safety',
    unit: 'gaj',
    results: [4, 3, 3],
    text: (s, r) =>
      r.pick([
        `${s.village}有人以“免费体检送鸡蛋”为名把老人拉去听课卖保健品，一盒卖好几千，希望公安部门查一查。`,
        `${s.road}一个门面天天请老人听“健康讲座”，我母亲已经在那里花了两万多块买保健品。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}会同市场监管部门于${f.d1}对该销售点突击检查，查实其虚假宣传、诱导老人高价购买保健品，已依法查处并责令退款，${f.d2}涉事门店已关停。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `涉事销售点已被责令停业整顿，退款工作正在进行，涉嫌诈骗部分已立案侦查。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `经查，该门店证照齐全，暂未发现诈骗犯罪证据，已移交市场监管部门核查其宣传行为。如家人遭受财产损失，可持购买凭证报警或向12315投诉。${contactLine(f, r)}`,
    },
  },
  {
    key: 'fire_lane',
    category: 'public_safety',
    unit: 'gaj',
    where: 'urban',
    shared: true,
    weight: 1.3,
    results: [6, 3, 1],
    text: (s, r) =>
      r.pick([
        `${s.estate}的消防通道长期被私家车堵死，${s.building}幢楼道里堆满杂物，万一着火消防车根本进不来。`,
        `${s.estate}${s.building}幢有人把电动车推进楼道充电，还从窗户拉电线下来“飞线”充电，消防隐患很大。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}辖区派出所会同消防救援站于${f.d1}对${s.estate}开展消防安全检查，清理楼道堆物${some(r, 10, 30)}处，劝离占用消防通道车辆，并督促物业施划禁停标线、安装电动车集中充电桩。${f.d2}复查已整改到位。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `检查发现${s.estate}存在楼道堆物和违规充电问题，已下发整改通知书，楼道已清理；集中充电设施需业主大会表决建设，物业承诺${f.plan}前完成。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `小区内部消防通道和消防设施由物业负责管理。${f.we}已于${f.d1}责令物业限期整改，并将该小区列入重点检查对象，逾期不改的将依法处罚。${contactLine(f, r)}`,
    },
  },
  {
    key: 'battery_theft',
    category: 'public_safety',
    unit: 'gaj',
    results: [4, 4, 2],
    text: (s, r) =>
      r.pick([
        `${s.road}一带${since(r)}电动车电瓶被盗好几起，晚上也没有人巡逻，建议增加监控探头和夜间巡逻。`,
        `${s.estate}车棚里的电动车${since(r)}接连被偷，物业说监控是坏的，请派出所管一管。`,
      ]),
    place: (s) => `${s.township}${s.road}`,
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}调取周边监控，已抓获盗窃电瓶的嫌疑人两名。${s.road}新增高清监控探头${some(r, 3, 8)}个，派出所将该路段纳入夜间必巡路线。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `派出所已加强${s.road}夜间巡逻，案件正在侦办中；已督促物业于${f.plan}前修复车棚监控。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `${f.we}已加强${s.road}夜间巡逻。请居民将电动车停放在有监控的区域，发生盗窃请及时报警，以便调取监控、及时侦破。${contactLine(f, r)}`,
    },
  },
  {
    key: 'school_safety',
    category: 'public_safety',
    unit: 'gaj',
    results: [5, 3, 2],
    text: (s, r) =>
      r.pick([
        `${s.school}附近有社会闲散人员放学时在门口转悠，家长很担心，希望加强校园周边治安巡查。`,
        `${s.middleSchool}放学时门口经常有人拦住学生要钱，孩子都不敢说，请警察叔叔多来巡逻。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}起在${s.school}周边设立上下学“护学岗”，民警每日定时巡查，并对校门口闲散人员进行了盘查教育，${f.d2}以来未再发现类似情况。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `${s.school}周边已增设护学岗，民警每日巡查。新增监控需纳入“雪亮工程”建设计划，预计${f.plan}前安装。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `${f.we}已将${s.school}周边纳入重点巡逻区域。学生遇到被拦截索要财物等情况，请及时告诉老师、家长或直接拨打110。${contactLine(f, r)}`,
    },
  },
];
