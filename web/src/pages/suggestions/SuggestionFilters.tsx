/**
 * The suggestion ledger's filters: text and year up front; congress, kind, status, unit, category
 * and reply class behind "筛选" on a phone.
 */
import { Button, Input, Select } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import {
  REPLY_CLASS_LABELS,
  SUGGESTION_KIND_LABELS,
  SUGGESTION_STATE_LABELS,
  SUGGESTION_STATES,
} from '../../../../src/modules/suggestions/suggestions.vocab.ts';
import { FilterBar } from '../../components/FilterBar.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { CategorySelect, CongressSelect } from '../../components/congresses.tsx';
import { numberOrUndefined } from '../../components/paging.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { optionsOf } from '../../i18n/labels.ts';
import {
  NARROWING_KEYS,
  recentYears,
  type SetSuggestionFilters,
  type SuggestionFilterKey,
  type SuggestionFilters as Filters,
} from './filters.ts';

export function SuggestionFilters({
  filters,
  setFilters,
  hide = [],
}: {
  filters: Filters;
  setFilters: SetSuggestionFilters;
  /** Filters that say nothing in this list (a unit's own inbox needs no unit). */
  hide?: readonly SuggestionFilterKey[];
}) {
  const { t, lang } = useI18n();
  const shows = (k: SuggestionFilterKey) => !hide.includes(k);
  const more = (['congressId', 'kind', 'status', 'unitId', 'categoryCode', 'replyClass'] as const).filter(
    (k) => filters[k],
  ).length;
  const anyFilter = NARROWING_KEYS.some((k) => filters[k]);
  const clear = () =>
    setFilters(Object.fromEntries(NARROWING_KEYS.map((k) => [k, undefined])) as Record<string, undefined>);

  return (
    <FilterBar
      activeCount={more}
      more={
        <>
          {shows('congressId') && (
            <CongressSelect
              placeholder={t('sug.congress')}
              value={numberOrUndefined(filters.congressId)}
              onChange={(id) => setFilters({ congressId: id })}
            />
          )}
          {shows('kind') && (
            <Select
              allowClear
              placeholder={t('sug.kind')}
              value={filters.kind}
              onChange={(v?: string) => setFilters({ kind: v })}
              options={optionsOf(SUGGESTION_KIND_LABELS, lang)}
            />
          )}
          {shows('status') && (
            <Select
              allowClear
              placeholder={t('sug.status')}
              value={filters.status}
              onChange={(v?: string) => setFilters({ status: v })}
              options={optionsOf(SUGGESTION_STATE_LABELS, lang, SUGGESTION_STATES)}
              showSearch={{ optionFilterProp: 'label' }}
            />
          )}
          {shows('unitId') && (
            <UnitPicker
              placeholder={t('sug.unitFilter')}
              value={numberOrUndefined(filters.unitId)}
              onChange={(id) => setFilters({ unitId: id })}
            />
          )}
          {shows('categoryCode') && (
            <CategorySelect
              placeholder={t('sug.category')}
              value={filters.categoryCode}
              onChange={(v) => setFilters({ categoryCode: typeof v === 'string' ? v : undefined })}
            />
          )}
          {shows('replyClass') && (
            <Select
              allowClear
              placeholder={t('sug.replyClass')}
              value={filters.replyClass}
              onChange={(v?: string) => setFilters({ replyClass: v })}
              options={optionsOf(REPLY_CLASS_LABELS, lang)}
              popupMatchSelectWidth={false}
            />
          )}
          {anyFilter && (
            <Button type="link" icon={<ClearOutlined />} onClick={clear} style={{ justifySelf: 'start' }}>
              {t('common.clearFilters')}
            </Button>
          )}
        </>
      }
    >
      <Input.Search
        className="filter-wide"
        allowClear
        placeholder={t('sug.searchPlaceholder')}
        defaultValue={filters.q}
        key={filters.q ?? ''}
        maxLength={100}
        onSearch={(q) => setFilters({ q: q.trim() || undefined })}
      />
      {shows('year') && (
        <Select
          allowClear
          placeholder={t('sug.year')}
          value={numberOrUndefined(filters.year)}
          onChange={(v?: number) => setFilters({ year: v })}
          options={recentYears().map((y) => ({ value: y, label: t('sug.yearN', { n: y }) }))}
        />
      )}
    </FilterBar>
  );
}
