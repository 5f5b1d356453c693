/**
 * Readable names for audit actions ('representative.update' → 修改 · 人大代表). The actions are
 * dotted verbs written by the services; unknown ones are shown as they are.
 */
import type { Lang } from '../../i18n/I18nProvider.tsx';

type Pair = readonly [zh: string, en: string];

const WHOLE: Record<string, Pair> = {
  'auth.login': ['登录', 'Sign-in'],
  'auth.logout': ['退出登录', 'Sign-out'],
  'auth.password_change': ['修改本人密码', 'Password change'],
  'access.denied': ['越权操作被拒绝', 'Access denied'],
  'user.roles': ['设置角色', 'Set roles'],
  'user.unlock': ['解锁账号', 'Unlock account'],
  'user.reset_password': ['重置密码', 'Reset password'],
  'demo.seed': ['载入演示数据', 'Load demo data'],
};

const VERBS: Record<string, Pair> = {
  create: ['新增', 'Create'],
  update: ['修改', 'Update'],
  delete: ['删除', 'Delete'],
  export: ['导出', 'Export'],
  reveal_phone: ['查看完整电话', 'Reveal phone'],
  members: ['调整成员', 'Change members'],
};

export const ENTITY_LABELS: Record<string, Pair> = {
  user: ['账号', 'Account'],
  jurisdiction: ['辖区', 'Jurisdiction'],
  congress: ['届次', 'Congress'],
  representative: ['人大代表', 'Representative'],
  group: ['代表小组', 'Group'],
  station: ['联络站点', 'Station'],
  grid: ['网格', 'Grid'],
  unit: ['承办单位', 'Unit'],
  import: ['批量导入', 'Import'],
  demo: ['演示数据', 'Demo data'],
};

const pick = (p: Pair, lang: Lang) => (lang === 'en' ? p[1] : p[0]);

export function actionLabel(action: string, lang: Lang): string {
  const whole = WHOLE[action];
  if (whole) return pick(whole, lang);
  const [entity = '', verb = ''] = action.split('.', 2);
  if (entity === 'import')
    return `${pick(ENTITY_LABELS.import!, lang)} · ${ENTITY_LABELS[verb.replace(/s$/, '')] ? pick(ENTITY_LABELS[verb.replace(/s$/, '')]!, lang) : verb}`;
  const v = VERBS[verb];
  const e = ENTITY_LABELS[entity];
  if (v && e) return `${pick(v, lang)} · ${pick(e, lang)}`;
  return action;
}

export function entityLabel(entityType: string | null, lang: Lang): string {
  if (!entityType) return '';
  const e = ENTITY_LABELS[entityType];
  return e ? pick(e, lang) : entityType;
}

/** Known actions for the filter's suggestions. */
export function knownActions(): string[] {
  const out = Object.keys(WHOLE);
  for (const entity of [
    'user',
    'jurisdiction',
    'congress',
    'representative',
    'group',
    'station',
    'grid',
    'unit',
  ]) {
    for (const verb of ['create', 'update', 'delete']) out.push(`${entity}.${verb}`);
  }
  out.push(
    'representative.export',
    'representative.reveal_phone',
    'unit.reveal_phone',
    'import.representatives',
    'import.stations',
    'import.units',
    'import.grids',
  );
  return out;
}
