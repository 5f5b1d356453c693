/**
 * Public services and livelihoods: schools (子女就学), health care, jobs and pensions, care for
 * the old, the business environment (营商环境, raised by enterprises) and farming — many of them
 * questions that a representative can answer at the reception desk. Each template is one problem
 * or one question, said in a few ways.
 */
import { contactLine, since, some, type Topic } from './opinions.topics.ts';

export const SERVICE_TOPICS: Topic[] = [
  // ── 教育 ──────────────────────────────────────────────────────────────────────
  {
    key: 'school_places',
    category: 'education',
    months: [3, 4, 5, 6, 7, 8],
    shared: true,
    weight: 1.3,
    results: [3, 3, 4],
    text: (s, r) =>
      r.pick([
        `${s.estate}划片到${s.school}，但听说今年学位紧张，要分流到五公里外的学校，孩子上学太远了，希望教育部门统筹解决。`,
        `${s.village}这几年新建小区多，${s.school}一个班已经五十多人了，今年一年级还要扩招，希望尽快扩建学校、增加学位。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}核查${s.school}招生情况，经统筹调配，今年新增${some(r, 2, 4)}个一年级班级，${s.estate}符合条件的适龄儿童均可在${s.school}就读。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `${s.school}扩建工程已列入今年教育设施建设计划，预计明年秋季投用。今年学位紧张期间，分流学生将安排校车接送。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `今年学区划分方案已于${f.d1}公示，${s.estate}对应学校为${s.school}。若报名人数超过学位数，将按房产登记时间、户籍迁入时间依次录取，未录取的由${f.we}统筹安排到就近学校。${contactLine(f, r)}`,
    },
  },
  {
    key: 'migrant_children',
    category: 'education',
    enterprise: true,
    convertible: true,
    results: [3, 4, 3],
    text: (s, r) =>
      r.pick([
        `我们${s.company}招了不少外地员工，还有很多家在乡镇的员工，子女就学是大家最头疼的问题，希望在学校资源协调、入学政策优化上给予支持，让员工安心工作。`,
        `${s.company}反映：随迁子女入学要社保满一年、居住证满一年，很多新招的技术工人不符合条件，孩子只能留在老家，企业留不住人。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}到${s.company}座谈，已将该企业纳入重点企业人才子女入学保障名单。${f.d2}起，企业员工随迁子女可凭企业证明在${s.township}就近入学，今年已安排${some(r, 5, 20)}名学生。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `我们已把园区企业员工子女入学需求纳入今年招生计划，${s.middleSchool}增加了随迁子女学位；社保年限条件的调整需市政府研究，我们已提出建议。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `按照本市义务教育招生政策，随迁子女入学需提供居住证和社保缴纳证明，重点企业员工可申请“绿色通道”。申请材料和办理流程已于${f.d1}发送给企业人事部门。${contactLine(f, r)}`,
    },
    onSpot: () =>
      `代表当场解释随迁子女入学政策：需居住证和社保缴纳证明，重点企业员工可申请“绿色通道”。代表将把企业的困难整理后向教育部门反映。`,
  },
  {
    key: 'after_school',
    category: 'education',
    results: [4, 4, 2],
    text: (s, r) =>
      r.pick([
        `${s.school}课后服务只到下午五点，我们双职工家庭根本接不了，希望延长到六点。`,
        `${s.school}暑假没有托管，孩子一个人在家玩手机，希望学校或社区开设暑期托管班。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}与${s.school}研究，自${f.d2}起课后服务延长至18时，并在暑期开设公益托管班，家长可通过学校公众号报名。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `${s.school}已增设延时托管时段，暑期托管正在协调场地和师资，预计${f.plan}前推出，届时通过学校公众号通知。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `课后服务时间由学校根据家长需求和师资情况确定，${s.school}目前提供两个时段供家长选择；暑期托管由${s.village}联合青少年宫开设，可电话咨询报名。${contactLine(f, r)}`,
    },
  },
  {
    key: 'kindergarten_fees',
    category: 'education',
    results: [3, 4, 3],
    text: (s, r) =>
      r.pick([
        `${s.kindergarten}的收费${since(r)}又涨了，伙食也不太好，家长们意见很大，希望加强普惠性幼儿园的监管。`,
        `${s.kindergarten}一学期除了保教费还要交各种兴趣班费用，不交孩子就被单独安排，这合理吗？`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}到${s.kindergarten}核查，该园擅自收取兴趣班费用，已责令全部清退并通报批评；伙食费已要求按月公示收支。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `${s.kindergarten}的保教费未超出普惠园标准，伙食费使用情况已责令公开；兴趣班改为自愿报名，家委会将参与监督。${contactLine(f, r)}`,
      explained: (s, f) =>
        `普惠性幼儿园收费标准由物价部门核定并公示，${s.kindergarten}现行收费在核定范围内。幼儿园不得强制收取兴趣班费用，如有此类情况可拨打${f.tel}举报。`,
    },
  },
  {
    key: 'school_bus',
    category: 'education',
    where: 'rural',
    results: [4, 4, 2],
    text: (s, r) =>
      r.pick([
        `${s.village}的孩子到镇上${s.school}上学要走四十多分钟山路，没有校车，家长只能骑电动车接送，下雨天很危险。`,
        `村小撤并以后，${s.estate}的低年级孩子要去${s.school}上学，每天接送很难，希望开通校车。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}实地察看${s.village}至${s.school}的线路，已协调开通定制校车，每天早晚各一班，${f.d2}起运行，费用由财政补助。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `校车线路已完成安全评估，部分路段需拓宽后方能通行，目前先安排公交公司早晚加开学生专线，校车计划${f.plan}前开通。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `经评估，${s.village}至${s.school}部分路段弯急坡陡，暂不具备校车通行条件。${f.we}已协调学校开设低年级午托和寄宿生关爱服务。${contactLine(f, r)}`,
    },
  },
  {
    key: 'enrolment_question',
    category: 'education',
    months: [3, 4, 5, 6, 7],
    results: [1, 1, 8],
    text: (s, r) =>
      r.pick([
        `想咨询一下，孩子今年九月上小学，我们户口在${s.village}，房子租在${s.road}，报名要准备哪些材料？`,
        `孩子今年上小学，${s.estate}对应哪所学校？报名时间和材料在哪里看？`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}已于${f.d1}电话联系您，告知${s.school}的报名材料清单，并协助孩子完成了线上报名。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `报名材料清单已告知您，租房入学还需提供住建部门备案的租赁合同，请于${f.plan}前补齐。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `义务教育招生报名一般在每年5月下旬开始，需准备户口簿、房产证或租赁备案证明、儿童预防接种证等材料。${s.estate}对应学区为${s.school}，招生方案将在${f.we}官网公布。${contactLine(f, r)}`,
    },
    onSpot: (s) =>
      `代表当场答复：小学报名需户口簿、房产证或租赁备案证明、预防接种证；${s.estate}对应${s.school}，报名时间以教育局官网公告为准。`,
  },

  // ── 医疗卫生 ──────────────────────────────────────────────────────────────────
  {
    key: 'clinic_queue',
    category: 'health',
    shared: true,
    results: [4, 4, 2],
    text: (s, r) =>
      r.pick([
        `${s.clinic}只有两三个全科医生，每天早上配药都要排长队，老人等一两个小时，希望增加医生和窗口。`,
        `在${s.clinic}配个降压药要排一上午的队，能不能多开几个窗口，或者让慢性病老人一次多配点药？`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}到${s.clinic}调研，已从上级医院下派${some(r, 2, 3)}名医生轮流坐诊，并开通慢病长处方和自助配药机，${f.d2}起老人配药基本不用排队。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `${s.clinic}已于${f.d2}增开一个配药窗口并推行慢病长处方，高峰排队时间明显缩短；全科医生招聘正在进行，${f.plan}前到岗。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `慢性病患者可在${s.clinic}办理长处方，一次最多配12周的药量，也可通过“健康清江”小程序预约，减少排队时间。${contactLine(f, r)}`,
    },
  },
  {
    key: 'village_clinic',
    category: 'health',
    where: 'rural',
    results: [4, 4, 2],
    text: (s, r) =>
      r.pick([
        `${s.village}的卫生室${since(r)}关门了，老人配个降压药都要跑到镇上，希望恢复或者派医生定期坐诊。`,
        `${s.village}的乡村医生退休了，村卫生室一直没人，老人量个血压都要坐车去${s.clinic}。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}已协调${s.clinic}派驻医生，${s.village}卫生室于${f.d2}恢复开诊，每周一至周五上午坐诊，并开通了常用药配送。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `${s.village}卫生室因乡村医生退休暂停，${f.we}已安排${s.clinic}医生每周二、五上午到村巡诊，新的乡村医生正在招聘中。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `按照乡村医疗卫生服务体系规划，${s.village}由相邻村的卫生服务站覆盖，${s.clinic}每月组织一次巡回诊疗，行动不便的老人可预约家庭医生上门。${contactLine(f, r)}`,
    },
  },
  {
    key: 'medical_insurance_question',
    category: 'health',
    results: [1, 1, 8],
    weight: 1.2,
    text: (s, r) =>
      r.pick([
        `我母亲在外地跟我住，看病医保报销比例很低，异地就医备案怎么办？`,
        `老人跟着子女去外地住了，在那边住院能不能直接用${s.county}的医保结算？需要办什么手续？`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `已于${f.d1}电话联系您，指导您通过“浙里办”完成了异地就医备案，备案后在就医地定点医院可直接结算。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `异地就医备案已指导您在线提交，还需补充居住证明，补齐后即时生效；备案前已发生的费用可回参保地手工报销。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `异地长期居住人员可通过“浙里办”或国家医保服务平台App办理异地就医备案，备案后在就医地定点医院直接结算，报销比例按参保地政策执行。也可到${s.clinic}医保窗口办理。${contactLine(f, r)}`,
    },
    onSpot: (s) =>
      `代表当场解答：异地就医备案可在“浙里办”或国家医保服务平台在线办理，备案后住院可直接结算；不会操作的可到${s.clinic}医保窗口办理。`,
  },
  {
    key: 'chronic_disease_question',
    category: 'health',
    results: [2, 2, 6],
    text: (s, r) =>
      r.pick([
        `咨询一下门诊慢特病怎么申请，我父亲有高血压和糖尿病，每个月药费要好几百。`,
        `城乡居民医保今年的缴费标准是多少？在哪里缴？家里老人不会用手机。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}联系您并协助提交了门诊慢特病申请，已于${f.d2}认定通过，相关药费自次月起按规定报销。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `慢特病申请材料已指导您准备，需到定点医院做相关检查后提交鉴定，预计${f.plan}前出结果。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `高血压、糖尿病等门诊慢特病可到定点医院申请鉴定，认定后门诊费用按规定比例报销。城乡居民医保可在${s.village}、${s.clinic}或银行网点现场缴费，也可由家属通过手机代缴。${contactLine(f, r)}`,
    },
    onSpot: (s) =>
      `代表当场解答：慢特病需到定点医院申请鉴定，认定后门诊药费可按比例报销；城乡居民医保可到${s.village}或${s.clinic}现场缴费。`,
  },
  {
    key: 'hospital_parking',
    category: 'health',
    results: [4, 4, 2],
    text: (s, r) =>
      r.pick([
        `${s.hospital}停车太难了，每次排队进停车场要半个多小时，周边路上也停满了车，病人急着看病很着急。`,
        `带老人去${s.hospital}复查，光找停车位就花了四十分钟，医院能不能想想办法？`,
      ]),
    place: (s) => s.hospital,
    reply: {
      solved: (s, f, r) =>
        `${f.we}已督促${s.hospital}于${f.d2}启用临时停车场，新增车位${some(r, 100, 300)}个，并在高峰时段安排志愿者引导，排队时间明显缩短。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `${s.hospital}已与周边单位签订错时停车协议，新增车位${some(r, 50, 150)}个；医院停车楼项目已开工，预计明年投用。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `${s.hospital}停车楼正在建设中，建议就诊时尽量乘坐公交，医院已开通至主要公交站的接驳车。${contactLine(f, r)}`,
    },
  },
  {
    key: 'specialist_booking',
    category: 'health',
    results: [3, 3, 4],
    text: (s, r) =>
      r.pick([
        `${s.hospital}的专家号很难挂，网上一放号就没了，老人不会用手机，现场也挂不到。`,
        `${s.clinic}的疫苗接种预约${since(r)}一直约不上，孩子的疫苗已经推迟了半个月。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}已督促相关医疗机构于${f.d2}调整号源分配，保留30%号源供现场和电话预约，疫苗接种增开周六门诊，老年人可由志愿者协助挂号。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `相关机构已增加周六门诊，预约号源增加一倍，但高峰时段仍较紧张，${f.we}将在${f.plan}前评估后进一步调整。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `专家号源按“网上、电话、现场”分配，60岁以上老人可凭身份证到老年人服务窗口优先挂号；疫苗接种可通过“健康清江”预约，也可电话预约。${contactLine(f, r)}`,
    },
  },

  // ── 社会保障与就业 ────────────────────────────────────────────────────────────
  {
    key: 'flexible_pension_question',
    category: 'social_security',
    weight: 1.2,
    results: [2, 1, 7],
    text: (s, r) =>
      r.pick([
        `我是灵活就业人员，想咨询养老保险怎么缴费？断缴了两年还能补吗？`,
        `我在${s.road}开了个小店，没有单位，养老保险和医保要怎么交？`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}已于${f.d1}电话联系您，协助完成了灵活就业人员参保登记和缴费，断缴期间按规定办理了补缴。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `参保登记已协助您在线完成，断缴期间的补缴需本人到${s.township}便民服务中心签字确认，请于${f.plan}前办理。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `灵活就业人员可在“浙里办”或${s.township}便民服务中心办理参保，按月或按季缴费，缴费基数可在规定范围内自选；断缴的可按政策补缴。${contactLine(f, r)}`,
    },
    onSpot: (s) =>
      `代表当场解答：灵活就业人员可在“浙里办”或${s.township}便民服务中心参保，按月或按季缴费，断缴的可按政策补缴。`,
  },
  {
    key: 'pension_claim_question',
    category: 'social_security',
    results: [2, 2, 6],
    text: (s, r) =>
      r.pick([
        `我父亲今年满60岁，在村里交了十几年城乡居民养老保险，什么时候开始领？每月能领多少？`,
        `退休人员每年的待遇资格认证怎么办？家里老人不会刷脸。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}上门为老人办理了待遇申领（资格认证），${f.d2}已审核通过，养老金自次月起按月发放到社保卡。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `已指导您准备待遇申领材料，需本人到${s.township}便民服务中心签字确认，预计${f.plan}前发放首月养老金。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `城乡居民养老保险年满60周岁、缴费满15年可按月领取，领取标准由基础养老金和个人账户养老金组成；待遇资格认证可由家属通过手机代为办理，也可由社区上门认证。${contactLine(f, r)}`,
    },
    onSpot: (s) =>
      `代表当场解答：城乡居民养老保险年满60周岁可申领，到${s.township}便民服务中心办理；行动不便的老人可由社区上门认证。`,
  },
  {
    key: 'unpaid_wages',
    category: 'social_security',
    shared: true,
    results: [6, 3, 1],
    months: [1, 2, 6, 7, 11, 12],
    text: (s, r) =>
      r.pick([
        `${s.company}拖欠我们${some(r, 8, 30)}名工人${some(r, 2, 5)}个月工资，老板一直说资金周转不过来，大家都很着急。`,
        `我在${s.road}一个工地干活，包工头拖欠工资三个多月，找项目部也不管，希望劳动监察部门帮忙讨薪。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}劳动保障监察机构于${f.d1}立案调查，约谈了用工单位负责人和总包单位。${f.d2}，被拖欠的工资已全额支付到工人个人账户。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `经调查，用工单位已于${f.d2}支付拖欠工资的一半，剩余部分承诺${f.plan}前付清，${f.we}将跟踪督办，逾期将依法移送公安机关。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `经核查，双方争议涉及工作量和工资标准认定，需通过劳动人事争议仲裁解决。仲裁申请可到${s.county}劳动人事争议仲裁院办理，不收费用，${f.we}已安排工作人员指导。${contactLine(f, r)}`,
    },
  },
  {
    key: 'skills_training',
    category: 'social_security',
    convertible: true,
    results: [3, 4, 3],
    text: (s, r) =>
      r.pick([
        `希望在${s.township}开设免费的技能培训班，比如电工、育婴师、电商直播，很多中年妇女想学门手艺就近就业。`,
        `${s.village}失业人员不少，但招聘会都在城里，希望把招聘会和技能培训办到家门口来。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}在${s.township}开设育婴师、电商直播两个免费培训班，首期学员${some(r, 30, 60)}人，${f.d2}开班，结业后可申领职业技能等级证书和培训补贴；“家门口”招聘会每月在${s.village}举办一次。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `“家门口”招聘会已列入计划，首场于${f.plan}在${s.village}举办。技能培训班正在征集报名，满30人即可开班。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `本市对参加职业技能培训并取得证书的人员给予培训补贴，培训项目目录可在“清江就业”公众号查询。${s.township}每月有线上招聘专场。${contactLine(f, r)}`,
    },
  },

  // ── 民政与养老 ────────────────────────────────────────────────────────────────
  {
    key: 'elderly_canteen',
    category: 'civil_affairs',
    convertible: true,
    weight: 1.3,
    results: [4, 4, 2],
    text: (s, r) =>
      r.pick([
        `${s.village}六十岁以上老人有${some(r, 200, 600)}人，很多是独居，希望开办老年食堂，解决老人吃饭难。`,
        `${s.village}的老人中午经常随便对付一口，建议学外地办“长者食堂”，再给高龄老人送餐上门。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}会同社区选址，利用${s.village}党群服务中心一楼开办老年食堂，${f.d2}起正式供餐，80周岁以上老人每餐补贴3元，行动不便的可送餐上门。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `老年食堂正在装修，预计${f.plan}开业，开业前由周边餐饮企业提供助餐服务，高龄独居老人已优先纳入送餐名单。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `老年食堂建设需具备场地、消防和食品安全条件，${s.village}已列入明年建设计划。目前老人可到${s.township}中心食堂就餐，享受同等补贴。${contactLine(f, r)}`,
    },
  },
  {
    key: 'care_centre_closed',
    category: 'civil_affairs',
    results: [5, 3, 2],
    text: (s, r) =>
      r.pick([
        `${s.village}的居家养老服务照料中心${since(r)}基本不开门，活动室锁着，老人没地方去。`,
        `${s.village}的养老服务中心挂了牌子，可里面没有工作人员，设备都落灰了，是不是只是应付检查？`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}到${s.village}照料中心检查，已更换运营机构，${f.d2}起每天8时至17时开放，提供助餐、文娱和健康监测服务。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `照料中心已于${f.d2}恢复每天开放，由第三方机构运营；助浴、康复等服务项目正在完善，${f.plan}前全部开通。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `该照料中心正在进行适老化改造，暂停开放期间老人可到邻近的${s.township}养老服务中心活动，改造完成后将重新开放。${contactLine(f, r)}`,
    },
  },
  {
    key: 'allowance_question',
    category: 'civil_affairs',
    results: [2, 1, 7],
    text: (s, r) =>
      r.pick([
        `我爷爷今年八十岁了，高龄津贴怎么申请？要带什么材料？`,
        `家里老人今年满八十周岁，听说有高龄补贴，是自动发还是要去申请？`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}派社工上门，协助您家老人提交了高龄津贴申请，${f.d2}审核通过，津贴自次月起按月发放。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `高龄津贴申请已受理，正在审核，预计${f.plan}前发放，逾期未到账可电话查询。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `年满80周岁的老人可凭身份证、户口簿、社保卡到${s.village}申请高龄津贴，也可通过“浙里办”线上申请，审核通过后次月起按月发放。${contactLine(f, r)}`,
    },
    onSpot: (s) =>
      `代表当场解答：80周岁以上老人凭身份证、户口簿、社保卡到${s.village}申请高龄津贴，也可线上申请，代表已请社区上门指导。`,
  },
  {
    key: 'subsistence_question',
    category: 'civil_affairs',
    results: [3, 2, 5],
    text: (s, r) =>
      r.pick([
        `我们家收入很低，老伴常年生病，能不能申请低保？`,
        `家里有一位重度残疾人，听说有护理补贴和生活补贴，怎么申请？`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}派社工入户调查，您家符合条件，已于${f.d2}审批通过，补助金自次月起发放到社保卡。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `申请已受理，正在进行家庭经济状况核对和入户调查，预计${f.plan}前公示结果。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `低保需家庭人均收入低于当地标准并符合财产条件；重度残疾人可申请护理补贴，困难残疾人可申请生活补贴。均可到${s.township}便民服务中心或通过“浙里办”申请。${contactLine(f, r)}`,
    },
    onSpot: (s) =>
      `代表当场解答：低保和残疾人两项补贴都可到${s.township}便民服务中心申请，代表已请社区社工上门了解情况、协助提交材料。`,
  },
  {
    key: 'care_home_beds',
    category: 'civil_affairs',
    results: [3, 4, 3],
    text: (s, r) =>
      r.pick([
        `${s.township}的养老院床位太紧张，失能老人排队要半年，家属实在照顾不过来。`,
        `我母亲失能在床，想送养老院，公办的排不上，民办的一个月要六七千，希望多建点护理型床位。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}核实情况后，已协调${s.township}敬老院调剂出护理型床位，老人于${f.d2}入住，并按规定享受护理补贴。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `${s.township}敬老院新增护理型床位${some(r, 20, 50)}张，预计${f.plan}投用，届时优先安排失能老人；期间可申请家庭养老照护床位。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `失能老人可申请入住公办养老机构，按评估等级轮候；也可申请家庭养老照护床位，享受上门护理和补贴。申请可到${s.township}便民服务中心办理。${contactLine(f, r)}`,
    },
  },
  {
    key: 'lonely_elderly',
    category: 'civil_affairs',
    results: [6, 3, 1],
    text: (s, r) =>
      r.pick([
        `${s.village}有几位空巢独居老人，${since(r)}没人上门探望，希望社区建立定期探访制度。`,
        `隔壁独居的老人前几天在家摔倒，两天后才被发现，${s.village}这样的独居老人不少，能不能装个呼叫设备？`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}已于${f.d1}把${s.village}独居老人纳入探访关爱名单，由网格员和志愿者每周上门一次，并于${f.d2}为${some(r, 10, 30)}户安装了紧急呼叫设备。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `${s.village}独居老人已纳入每周探访，紧急呼叫设备正在招标采购，预计${f.plan}前安装到位。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `本市对80周岁以上独居老人实行每周探访，${s.village}已按要求落实；紧急呼叫设备可通过居家养老服务补贴申请安装。${contactLine(f, r)}`,
    },
  },

  // ── 营商环境与企业服务 ────────────────────────────────────────────────────────
  {
    key: 'subsidy_delay',
    category: 'business',
    enterprise: true,
    weight: 1.4,
    results: [5, 3, 2],
    text: (s, r) =>
      r.pick([
        `我司（${s.company}）去年申报的技术改造补贴，公示已经结束半年了，到现在还没兑现，企业资金压力很大。`,
        `${s.company}反映：去年的亩均效益奖励和技改补贴都公示了，钱迟迟不到账，问了几次都说在走流程。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}会同财政部门核查，${s.company}的补贴因资金拨付流程延误，已于${f.d2}拨付到企业账户。今后符合条件的政策将逐步实行“免申即享”。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `补贴资金的第一批已于${f.d2}拨付，第二批待项目竣工验收后拨付，预计${f.plan}前完成。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `经核查，${s.company}的技改项目尚未完成竣工验收，按政策需验收合格后拨付。${f.we}已安排服务专员对接企业，指导尽快完成验收。${contactLine(f, r)}`,
    },
  },
  {
    key: 'policy_navigation',
    category: 'business',
    enterprise: true,
    results: [3, 3, 4],
    text: (s, r) =>
      r.pick([
        `${s.company}反映：惠企政策太多太散，不知道自己能享受哪些，申报要跑好几个部门，希望能“免申即享”。`,
        `我们是小微企业，想了解今年有哪些减税降费和稳岗补贴政策，去哪里能一次问清楚？`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}派服务专员上门，为${s.company}梳理出可享受的政策${some(r, 4, 9)}项，其中稳岗返还已于${f.d2}免申即享到账。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `已为企业梳理政策清单并协助申报，其中两项已兑现，其余需企业补充材料后办理。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `本市惠企政策已汇编成《惠企政策实用手册》，按税收优惠、金融支持、要素保障分类，可扫描工业邻里中心代表服务站的二维码查阅下载，也可拨打企业服务热线一次问清。${contactLine(f, r)}`,
    },
    onSpot: (s) =>
      `代表当场介绍《惠企政策实用手册》（税收优惠、金融支持、要素保障三类）和扫码查阅方式，并承诺会后与商务部门对接${s.company}的具体诉求。`,
  },
  {
    key: 'approval',
    category: 'business',
    enterprise: true,
    results: [5, 3, 2],
    text: (s, r) =>
      r.pick([
        `${s.company}在${s.road}的厂房扩建项目，施工许可办了三个多月，规划、消防、环评来回跑，希望推行并联审批。`,
        `我们企业新建车间，图纸审查和消防审验排队太久，影响投产，请帮助协调加快。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}牵头召开项目审批协调会，对${s.company}扩建项目实行并联审批，施工许可证已于${f.d2}核发。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `项目规划和消防审查已完成，环评报告正在技术审查，${f.we}已安排专人代办，预计${f.plan}前办结全部手续。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `经核查，该项目需补充环评报告后方可进入审批，${f.we}已于${f.d1}将补正清单告知企业，材料齐全后承诺5个工作日内办结。${contactLine(f, r)}`,
    },
  },
  {
    key: 'court_enforcement',
    category: 'business',
    unit: 'fy',
    enterprise: true,
    minLevel: 'city',
    results: [4, 4, 2],
    text: (s, r) =>
      r.pick([
        `我司（${s.company}）胜诉的一起买卖合同纠纷案件，判决生效半年多了，货款${some(r, 30, 200)}万元仍未执行到位，企业资金链很紧张。`,
        `${s.company}有一笔判决生效的货款，对方有厂房有设备就是不还，申请执行快一年了，希望法院加大执行力度。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}调阅案卷，执行法官对被执行人财产进行网络查控，冻结其银行存款并拍卖设备，执行款已于${f.d2}全部发放至${s.company}账户，案件执行完毕。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `执行局已对被执行人采取限制高消费措施，并查封其名下厂房一处，部分执行款已到位，剩余款项待拍卖完成后发放。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `经查，该案被执行人目前无可供执行的财产，已终结本次执行程序，一旦发现财产线索将立即恢复执行。企业如发现被执行人财产可随时向执行法官提供。${contactLine(f, r)}`,
    },
  },
  {
    key: 'financing',
    category: 'business',
    enterprise: true,
    convertible: true,
    results: [4, 4, 2],
    text: (s, r) =>
      r.pick([
        `小微企业贷款难、贷款贵，${s.company}想扩大生产，银行要房产抵押，我们厂房是租的，贷不到款。`,
        `${s.company}有订单没流动资金，银行贷款审批太慢，希望政府搭建银企对接平台，推广信用贷款。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}组织银企对接会，${s.company}通过政府性融资担保获得信用贷款${some(r, 100, 500)}万元，于${f.d2}放款。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `已推荐${s.company}参加银企对接，合作银行正在授信审查，预计${f.plan}前放款。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `本市对小微企业有“无还本续贷”“信用贷”等金融产品，可通过企业服务平台申请，政府性融资担保费率不超过1%。${contactLine(f, r)}`,
    },
  },
  {
    key: 'labour_shortage',
    category: 'business',
    enterprise: true,
    results: [3, 5, 2],
    text: (s, r) =>
      r.pick([
        `${s.company}反映园区招工难，一线普工缺${some(r, 30, 100)}人，希望政府帮助对接劳动力、建设员工宿舍。`,
        `我们企业技术工人留不住，园区周边没有像样的员工宿舍和配套，希望规划建设人才公寓。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}将${s.company}用工需求推送至人社部门和劳务协作地，${f.d2}已有${some(r, 20, 60)}名员工到岗；园区人才公寓已开放申请。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `已将${s.company}用工需求推送至人社部门和劳务协作地，首批${some(r, 10, 30)}名员工已到岗；园区人才公寓计划${f.plan}前交付。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `园区人才公寓已列入建设计划，企业员工可先申请公共租赁住房。用工对接可登录“清江就业”平台发布岗位，${f.we}每月举办专场招聘。${contactLine(f, r)}`,
    },
  },
  {
    key: 'power_capacity',
    category: 'utilities',
    unit: 'power',
    enterprise: true,
    results: [6, 3, 1],
    text: (s, r) =>
      r.pick([
        `${s.company}新上两条生产线，用电增容申请交了一个多月还没批，影响投产，希望供电部门加快办理。`,
        `${s.company}扩产需要增容到一千千伏安，客户经理说要等变电站改造，能不能先临时解决？`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}到${s.company}现场勘查，开辟绿色通道，增容工程已于${f.d2}完成送电，比承诺时限提前一周。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `已为${s.company}临时调配负荷满足一条生产线投产，正式增容需结合变电站扩建，预计${f.plan}前完成。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `增容申请需企业补充用电设备清单和负荷计算书，${f.we}已于${f.d1}派客户经理上门指导，材料齐全后10个工作日内完成供电方案答复。${contactLine(f, r)}`,
    },
  },

  // ── 农业农村 ──────────────────────────────────────────────────────────────────
  {
    key: 'irrigation',
    category: 'agriculture',
    where: 'rural',
    shared: true,
    weight: 1.3,
    results: [5, 4, 1],
    text: (s, r) =>
      r.pick([
        `${s.estate}的灌溉水渠年久失修，好几处塌了，今年放水放不下来，${some(r, 50, 200)}亩田眼看要误了农时。`,
        `${s.village}的山塘和水渠${since(r)}漏水严重，下游的田都浇不上水，希望尽快修一修。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}组织农技人员到${s.village}查看，已安排专项资金修复水渠${some(r, 300, 900)}米，于${f.d2}完工通水，保障了农田用水。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `塌方段水渠已于${f.d2}抢修通水；山塘整治已纳入明年高标准农田建设项目，预计${f.plan}后动工。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `该水渠属于村级小型水利设施，按规定由村集体负责管护，${f.we}已指导村里申报农田水利以奖代补资金。${contactLine(f, r)}`,
    },
  },
  {
    key: 'farm_road',
    category: 'agriculture',
    where: 'rural',
    results: [4, 4, 2],
    text: (s, r) =>
      r.pick([
        `${s.village}的机耕路太窄，农机下不了田，希望结合高标准农田建设拓宽硬化。`,
        `${s.estate}通往田里的机耕路一下雨全是烂泥，收割机开不进去，稻谷只能人工挑出来。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}实地踏勘，${s.village}机耕路已纳入高标准农田建设项目，拓宽硬化${some(r, 800, 2000)}米，于${f.d2}完工。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `最难走的一段已于${f.d2}铺设碎石临时通行，整体硬化已列入明年高标准农田建设计划。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `机耕路建设按高标准农田项目统一规划实施，${s.village}所在片区计划后年实施，近期可由村集体申请以奖代补资金先行修缮。${contactLine(f, r)}`,
    },
  },
  {
    key: 'tea_sales',
    category: 'agriculture',
    where: 'rural',
    convertible: true,
    months: [3, 4, 5, 6],
    results: [3, 4, 3],
    text: (s, r) =>
      r.pick([
        `今年春茶收购价比去年低了三成，${s.village}好多茶农的茶叶卖不出去，希望帮助拓宽销路，搞搞直播带货。`,
        `${s.village}的茶叶品质很好但没有品牌，都是散卖给贩子，价格被压得很低，希望政府帮助打品牌、拓销路。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}组织${s.village}茶农参加茶叶产销对接会，与${some(r, 3, 6)}家采购商签订收购协议，并在${s.township}举办了两场直播带货，销售茶叶${some(r, 2, 8)}吨。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `已将${s.village}茶叶纳入县区域公用品牌推广，组织了一场产销对接会；茶叶初制加工厂正在选址，预计明年春茶季投用。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `今年茶叶价格下降受市场供需影响，${f.we}将继续组织产销对接，茶农可加入合作社统一销售，享受品牌推广补助。${contactLine(f, r)}`,
    },
  },
  {
    key: 'wild_boar',
    category: 'agriculture',
    where: 'rural',
    shared: true,
    results: [4, 5, 1],
    text: (s, r) =>
      r.pick([
        `${s.village}后山野猪成灾，${since(r)}已经拱了好几亩红薯和玉米，村民晚上不敢出门，希望组织捕猎。`,
        `野猪经常下山糟蹋庄稼，${s.estate}的番薯地几乎绝收，这个损失有没有补偿？`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}于${f.d1}组织专业狩猎队到${s.village}开展野猪种群调控，已猎捕${some(r, 3, 9)}头，并为农户安装防护围栏。损失已按野生动物致害补偿办法核定赔付。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `狩猎队已开展两次调控，野猪活动有所减少；农作物损失已登记，补偿资金将在${f.plan}前发放。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `野猪致害可申请政策性农业保险理赔，${f.we}已通知保险公司到${s.estate}定损。请勿私自下套捕杀，以免触犯法律。${contactLine(f, r)}`,
    },
  },
  {
    key: 'farm_subsidy_question',
    category: 'agriculture',
    where: 'rural',
    results: [2, 1, 7],
    text: (s, r) =>
      r.pick([
        `今年的耕地地力保护补贴什么时候发？我家${some(r, 3, 8)}亩田，去年的也没查到。`,
        `种粮补贴是按什么标准发的？我家承包的田比邻居多，补贴反而少。`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `经查，您家去年补贴因银行卡号错误退回，${f.we}已于${f.d2}更正信息并重新发放到您的社保卡账户。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `今年的补贴面积已核定，资金正在拨付，预计${f.plan}前到账；去年的补贴已查明原因，正在补发。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `耕地地力保护补贴每年按确权面积发放到社保卡账户，补贴面积以村里公示的为准，如有异议可在公示期内向村里提出核实。${contactLine(f, r)}`,
    },
    onSpot: (s) =>
      `代表当场解答：耕地地力保护补贴按确权面积发放到社保卡，面积以村里公示为准。代表已请${s.village}帮助查询去年补贴的发放情况。`,
  },
  {
    key: 'machinery_subsidy_question',
    category: 'agriculture',
    where: 'rural',
    results: [2, 1, 7],
    text: (s, r) =>
      r.pick([
        `想咨询购买农机的补贴政策，买一台插秧机能补多少钱？`,
        `合作社想买一台烘干机，听说有农机购置补贴，怎么申请？`,
      ]),
    reply: {
      solved: (s, f, r) =>
        `${f.we}已于${f.d1}指导您完成农机购置补贴申请，${f.d2}核验通过，补贴资金将直接打入您的账户。${contactLine(f, r)}`,
      partially_solved: (s, f, r) =>
        `补贴申请已受理，机具核验需现场查看，${f.we}将于${f.plan}前安排人员上门。${contactLine(f, r)}`,
      explained: (s, f, r) =>
        `农机购置补贴实行“先购后补”，按中央和省级补贴额一览表执行，购机后可在${s.township}农办或线上平台申请，经核验后补贴资金直接发放。${contactLine(f, r)}`,
    },
    onSpot: (s) =>
      `代表当场解答：农机购置补贴“先购后补”，购机后到${s.township}农办或线上申请，补贴额按一览表执行。`,
  },
];
