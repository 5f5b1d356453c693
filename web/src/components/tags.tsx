/** Coloured tags for the organisation's vocabularies. */
import { Tag } from 'antd';
import {
  CONGRESS_LEVEL_LABELS,
  REPRESENTATIVE_STATUS_LABELS,
  STATION_STATUS_LABELS,
  STATION_TIER_LABELS,
  type CongressLevel,
  type RepresentativeStatus,
  type StationStatus,
  type StationTier,
} from '../../../src/modules/org/org.domain.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

const LEVEL_COLOR: Record<CongressLevel, string> = {
  national: 'red',
  provincial: 'volcano',
  city: 'gold',
  county: 'blue',
  township: 'cyan',
  street: 'default',
};

/** Short level names for the tags (全国 / 省 / 市 / 县 / 乡 / 街道). */
const LEVEL_SHORT: Record<CongressLevel, { zh: string; en: string }> = {
  national: { zh: '全国', en: 'National' },
  provincial: { zh: '省', en: 'Prov.' },
  city: { zh: '市', en: 'City' },
  county: { zh: '县区', en: 'County' },
  township: { zh: '乡镇', en: 'Township' },
  street: { zh: '街道', en: 'Street' },
};

export function LevelTag({ level, full }: { level: CongressLevel; full?: boolean }) {
  const { label } = useI18n();
  return (
    <Tag
      color={LEVEL_COLOR[level]}
      title={label(CONGRESS_LEVEL_LABELS[level])}
      style={{ marginInlineEnd: 4 }}
    >
      {full ? label(CONGRESS_LEVEL_LABELS[level]) : label(LEVEL_SHORT[level])}
    </Tag>
  );
}

export function LevelTags({ levels }: { levels: readonly CongressLevel[] }) {
  if (levels.length === 0) return <span style={{ color: 'rgba(0,0,0,0.25)' }}>—</span>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {levels.map((l) => (
        <LevelTag key={l} level={l} />
      ))}
    </span>
  );
}

const REP_STATUS_COLOR: Record<RepresentativeStatus, string> = {
  active: 'green',
  suspended: 'orange',
  terminated: 'default',
};

export function RepresentativeStatusTag({ status }: { status: RepresentativeStatus }) {
  const { label } = useI18n();
  return <Tag color={REP_STATUS_COLOR[status]}>{label(REPRESENTATIVE_STATUS_LABELS[status])}</Tag>;
}

export function StationStatusTag({ status }: { status: StationStatus }) {
  const { label } = useI18n();
  return <Tag color={status === 'active' ? 'green' : 'default'}>{label(STATION_STATUS_LABELS[status])}</Tag>;
}

const TIER_COLOR: Record<StationTier, string> = {
  general: 'geekblue',
  center: 'blue',
  station: 'cyan',
  point: 'default',
};

export function StationTierTag({ tier }: { tier: StationTier }) {
  const { label } = useI18n();
  return <Tag color={TIER_COLOR[tier]}>{label(STATION_TIER_LABELS[tier])}</Tag>;
}
