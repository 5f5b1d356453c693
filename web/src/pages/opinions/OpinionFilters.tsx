/**
 * The opinion list's filters: keyword and status up front; channel, category, where it came from,
 * unit, representative, dates and order behind "筛选" on a phone; and the quick toggles
 * (超期 / 临期 / 不满意 / 二次办理) that the queues use most.
 */
import { Button, DatePicker, Input, Select, Space, Tag } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import {
  CHANNEL_LABELS,
  OPINION_STATE_LABELS,
  OPINION_STATES,
  RATING_LABELS,
} from '../../../../src/modules/opinions/opinions.vocab.ts';
import { FilterBar } from '../../components/FilterBar.tsx';
import { JurisdictionTreeSelect } from '../../components/JurisdictionTreeSelect.tsx';
import { RepresentativePicker } from '../../components/RepresentativePicker.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { CategorySelect } from '../../components/congresses.tsx';
import { GroupPicker, StationPicker } from '../../components/orgPickers.tsx';
import { numberOrUndefined } from '../../components/paging.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { optionsOf } from '../../i18n/labels.ts';
import {
  NARROWING_KEYS,
  statusesOf,
  type OpinionFilterKey,
  type OpinionFilters as Filters,
  type SetOpinionFilters,
} from './filters.ts';

export function OpinionFilters({
  filters,
  setFilters,
  onClear,
  hide = [],
}: {
  filters: Filters;
  setFilters: SetOpinionFilters;
  onClear: () => void;
  /** Filters that make no sense in this view (e.g. the unit in a unit's own inbox). */
  hide?: readonly OpinionFilterKey[];
}) {
  const { t, lang } = useI18n();
  const shows = (k: OpinionFilterKey) => !hide.includes(k);
  const jurisdictionId = numberOrUndefined(filters.jurisdictionId);
  const more = (
    [
      'channel',
      'categoryCode',
      'jurisdictionId',
      'stationId',
      'groupId',
      'unitId',
      'representativeId',
      'from',
      'rating',
    ] as const
  ).filter((k) => filters[k]).length;
  const anyFilter = NARROWING_KEYS.some((k) => filters[k]);
  const toggle = (key: 'overdue' | 'dueSoon' | 'rehandled') => (checked: boolean) =>
    setFilters({ [key]: checked ? 'true' : undefined });

  return (
    <>
      <FilterBar
        activeCount={more}
        more={
          <>
            {shows('channel') && (
              <Select
                allowClear
                placeholder={t('op.channel')}
                value={filters.channel}
                onChange={(v?: string) => setFilters({ channel: v })}
                options={optionsOf(CHANNEL_LABELS, lang)}
              />
            )}
            {shows('categoryCode') && (
              <CategorySelect
                placeholder={t('op.category')}
                value={filters.categoryCode}
                onChange={(v) => setFilters({ categoryCode: typeof v === 'string' ? v : undefined })}
              />
            )}
            {shows('jurisdictionId') && (
              <JurisdictionTreeSelect
                value={jurisdictionId}
                onChange={(id) => setFilters({ jurisdictionId: id })}
              />
            )}
            {shows('stationId') && (
              <StationPicker
                jurisdictionId={jurisdictionId}
                value={numberOrUndefined(filters.stationId)}
                onChange={(id) => setFilters({ stationId: id })}
              />
            )}
            {shows('groupId') && (
              <GroupPicker
                jurisdictionId={jurisdictionId}
                value={numberOrUndefined(filters.groupId)}
                onChange={(id) => setFilters({ groupId: id })}
              />
            )}
            {shows('unitId') && (
              <UnitPicker
                jurisdictionId={jurisdictionId}
                value={numberOrUndefined(filters.unitId)}
                onChange={(id) => setFilters({ unitId: id })}
              />
            )}
            {shows('representativeId') && (
              <RepresentativePicker
                jurisdictionId={jurisdictionId}
                value={numberOrUndefined(filters.representativeId)}
                onChange={(id) => setFilters({ representativeId: id })}
              />
            )}
            {shows('from') && (
              <DatePicker.RangePicker
                className="filter-wide"
                style={{ width: '100%' }}
                placeholder={[t('op.from'), t('op.to')]}
                value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
                allowEmpty={[true, true]}
                onChange={(range) =>
                  setFilters({
                    from: range?.[0]?.format('YYYY-MM-DD'),
                    to: range?.[1]?.format('YYYY-MM-DD'),
                  })
                }
              />
            )}
            {shows('rating') && (
              <Select
                allowClear
                placeholder={t('op.rating')}
                value={filters.rating}
                onChange={(v?: string) => setFilters({ rating: v })}
                options={optionsOf(RATING_LABELS, lang)}
              />
            )}
            <Select
              placeholder={t('op.sort')}
              allowClear
              value={filters.sort}
              onChange={(v?: string) => setFilters({ sort: v })}
              options={[
                { value: 'submittedAt', label: t('op.sortSubmitted') },
                { value: 'replyDue', label: t('op.sortReplyDue') },
                { value: 'updatedAt', label: t('op.sortUpdated') },
              ]}
            />
          </>
        }
      >
        <Input.Search
          className="filter-wide"
          allowClear
          placeholder={t('op.searchPlaceholder')}
          defaultValue={filters.q}
          key={filters.q ?? ''}
          maxLength={50}
          onSearch={(q) => setFilters({ q: q.trim() || undefined })}
        />
        {shows('status') && (
          <Select
            className="filter-wide"
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t('op.status')}
            value={statusesOf(filters.status)}
            onChange={(v: string[]) => setFilters({ status: v.length ? v.join(',') : undefined })}
            options={optionsOf(OPINION_STATE_LABELS, lang, OPINION_STATES)}
            showSearch={{ optionFilterProp: 'label' }}
          />
        )}
      </FilterBar>
      <Space wrap size={[6, 8]} style={{ marginBottom: 12 }} className="quick-toggles">
        <Tag.CheckableTag checked={filters.overdue === 'true'} onChange={toggle('overdue')}>
          {t('op.overdue')}
        </Tag.CheckableTag>
        <Tag.CheckableTag checked={filters.dueSoon === 'true'} onChange={toggle('dueSoon')}>
          {t('op.dueSoon')}
        </Tag.CheckableTag>
        {shows('rating') && (
          <Tag.CheckableTag
            checked={filters.rating === 'unsatisfied'}
            onChange={(c) => setFilters({ rating: c ? 'unsatisfied' : undefined })}
          >
            {t('op.ratedUnsatisfied')}
          </Tag.CheckableTag>
        )}
        <Tag.CheckableTag checked={filters.rehandled === 'true'} onChange={toggle('rehandled')}>
          {t('op.rehandled')}
        </Tag.CheckableTag>
        {anyFilter && (
          <Button size="small" type="link" icon={<ClearOutlined />} onClick={onClear}>
            {t('common.clearFilters')}
          </Button>
        )}
      </Space>
    </>
  );
}
