/** @jsxImportSource preact */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { SuggestionCard } from '../components/SuggestionCard.tsx';
import { LoadError, Shell } from '../components/Shell.tsx';
import { API, ApiError, getJson } from '../lib/api.ts';
import { count, percent } from '../lib/format.ts';
import { useCategories } from '../lib/shared.ts';
import { useFetch } from '../lib/useFetch.ts';
import type { PublicSuggestionItem, PublicSuggestionPage, PublicSuggestionSummary } from '../lib/types.ts';

export const SUGGESTIONS_PATH = '/p/suggestions';

interface Filters {
  year: number | null;
  category: string | null;
  q: string;
}

/** What the server accepts in a search (PlainText: no < > or control characters), at most 50 characters. */
function cleanWords(text: string): string {
  const allowed = (c: string) => c !== '<' && c !== '>' && c >= ' ' && c !== '\u007f';
  return [...text].filter(allowed).join('').trim().slice(0, 50);
}

/** The filters from the address (?year=2026&category=housing&q=电梯), so back and a shared link keep them. */
function readFilters(): Filters {
  const p = new URLSearchParams(location.search);
  const year = Number(p.get('year'));
  const category = p.get('category');
  return {
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null,
    category: category && /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/.test(category) ? category : null,
    q: cleanWords(p.get('q') ?? ''),
  };
}

function searchOf(f: Filters): string {
  const p = new URLSearchParams();
  if (f.year !== null) p.set('year', String(f.year));
  if (f.category) p.set('category', f.category);
  if (f.q) p.set('q', f.q);
  const s = p.toString();
  return s ? `?${s}` : '';
}

function listUrl(f: Filters, page: number): string {
  const p = new URLSearchParams();
  if (f.year !== null) p.set('year', String(f.year));
  if (f.category) p.set('categoryCode', f.category);
  if (f.q) p.set('q', f.q);
  p.set('page', String(page));
  return `${API}/suggestions?${p.toString()}`;
}

/**
 * The list as last shown, so that "back" from a case returns to the same place (the pages loaded
 * and the scroll position) instead of starting again at the top.
 */
let remembered: {
  key: string;
  items: PublicSuggestionItem[];
  total: number;
  page: number;
  scrollY: number;
} | null = null;

/** The figures already shown, by address: the page comes back at once, at the same height. */
const summaries = new Map<string, PublicSuggestionSummary>();

function Summary({ s, chosenYear }: { s: PublicSuggestionSummary; chosenYear: number | null }) {
  const tiles: [string, string, string?][] = [
    ['立案', `${count(s.registered)} 件`, s.motions > 0 ? `其中议案 ${count(s.motions)} 件` : undefined],
    ['已答复', `${count(s.replied)} 件`],
    [
      '按时答复率',
      percent(s.onTimeRate),
      s.replied > 0 ? `${count(s.repliedOnTime)} 件按时答复` : '尚无答复',
    ],
    [
      '代表满意率',
      percent(s.satisfactionRate),
      s.evaluated > 0 ? `${count(s.evaluated)} 件已评价` : '尚无评价',
    ],
  ];
  const classes: ['A' | 'B' | 'C', string][] = [
    ['A', '已解决或基本解决'],
    ['B', '正在解决或列入计划'],
    ['C', '因条件限制留作参考'],
  ];
  return (
    <section aria-labelledby="sum-title">
      <h2 class="section-title" id="sum-title">
        {s.year}年代表建议办理情况
      </h2>
      {chosenYear === null && s.years.length > 1 ? (
        <p class="hint">以下为最近一年的数字，可在下方选择其他年度。</p>
      ) : null}
      <ul class="tiles">
        {tiles.map(([label, value, note]) => (
          <li key={label} class="tile">
            <span class="tile-value">{value}</span>
            <span class="tile-label">{label}</span>
            {note ? <span class="tile-note">{note}</span> : null}
          </li>
        ))}
      </ul>
      <ul class="classes" aria-label="答复分类">
        {classes.map(([c, label]) => (
          <li key={c} class={`class-row c-${c}`}>
            <span class="class-name">{c}类</span>
            <span class="class-label">{label}</span>
            <span class="class-count">
              {count(s.classes[c])}
              <small> 件</small>
            </span>
            <span class="class-bar" aria-hidden="true">
              <span
                style={{ width: `${s.replied > 0 ? Math.round((s.classes[c] / s.replied) * 100) : 0}%` }}
              />
            </span>
          </li>
        ))}
      </ul>
      <p class="hint">
        {`数字由系统根据每件建议的办理记录自动统计，包括尚未公开的建议；其中已公开 ${count(s.published)} 件。`}
        {'满意率 =（满意 + 0.9 × 基本满意）÷ 已评价件数。'}
      </p>
    </section>
  );
}

function FilterForm({
  filters,
  years,
  onChange,
}: {
  filters: Filters;
  years: number[];
  onChange: (f: Filters) => void;
}) {
  const categories = useCategories();
  const [words, setWords] = useState(filters.q);
  useEffect(() => setWords(filters.q), [filters.q]);
  const yearOptions =
    filters.year !== null && !years.includes(filters.year) ? [filters.year, ...years] : years;
  return (
    <form
      class="card filters"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ ...filters, q: cleanWords(words) });
        (document.activeElement as HTMLElement | null)?.blur();
      }}
    >
      <div class="filter-row">
        <label class="select-field">
          <span class="label">年度</span>
          <select
            value={filters.year === null ? '' : String(filters.year)}
            onChange={(e) => {
              const v = e.currentTarget.value;
              onChange({ ...filters, year: v ? Number(v) : null });
            }}
          >
            <option value="">全部年度</option>
            {yearOptions.map((y) => (
              <option key={y} value={String(y)}>
                {y}年
              </option>
            ))}
          </select>
        </label>
        <label class="select-field">
          <span class="label">类别</span>
          <select
            value={filters.category ?? ''}
            onChange={(e) => onChange({ ...filters, category: e.currentTarget.value || null })}
          >
            <option value="">全部类别</option>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.nameZh}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label class="label" for="sug-q">
        搜索
      </label>
      <div class="search-row">
        <input
          id="sug-q"
          type="search"
          enterKeyHint="search"
          maxLength={50}
          placeholder="如：电梯、第12号"
          value={words}
          onInput={(e) => setWords(e.currentTarget.value)}
        />
        <button type="submit" class="btn primary">
          搜索
        </button>
      </div>
    </form>
  );
}

/** /p/suggestions: the year's figures, the filters, and the published suggestions a page at a time. */
export function SuggestionsPage() {
  const [filters, setFilters] = useState<Filters>(readFilters);
  const key = searchOf(filters);
  const restored = remembered?.key === key ? remembered : null;
  const [items, setItems] = useState<PublicSuggestionItem[]>(restored?.items ?? []);
  const [total, setTotal] = useState<number | null>(restored?.total ?? null);
  const [page, setPage] = useState(restored?.page ?? 1);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const summaryUrl = `${API}/suggestions/summary${filters.year !== null ? `?year=${filters.year}` : ''}`;
  const summary = useFetch<PublicSuggestionSummary>(summaryUrl);
  if (summary.data) summaries.set(summaryUrl, summary.data);
  const figures = summary.data ?? summaries.get(summaryUrl) ?? null;
  const latest = useRef({ key, items, total, page });
  latest.current = { key, items, total, page };
  const ticket = useRef(0);

  const load = (f: Filters, p: number) => {
    const mine = ++ticket.current;
    setLoading(true);
    setError(null);
    getJson<PublicSuggestionPage>(listUrl(f, p)).then(
      (res) => {
        if (mine !== ticket.current) return;
        setItems((old) => (p === 1 ? res.items : [...old, ...res.items]));
        setTotal(res.total);
        setPage(p);
        setLoading(false);
      },
      (err: unknown) => {
        if (mine !== ticket.current) return;
        setError(err instanceof ApiError ? err : new ApiError(0, 'NETWORK', '加载失败'));
        setLoading(false);
      },
    );
  };

  // A list restored from "back" is shown as it was; any other is fetched.
  const first = useRef(true);
  useEffect(() => {
    if (first.current && restored) {
      first.current = false;
      return;
    }
    first.current = false;
    load(filters, 1);
  }, [key]);

  useLayoutEffect(() => {
    if (restored) window.scrollTo(0, restored.scrollY);
    return () => {
      remembered = { ...latest.current, total: latest.current.total ?? 0, scrollY: window.scrollY };
    };
  }, []);

  // Back and forward between filter choices (each choice is a history entry).
  useEffect(() => {
    const update = () => {
      if (location.pathname.replace(/\/+$/, '') === SUGGESTIONS_PATH) setFilters(readFilters());
    };
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);

  const change = (next: Filters) => {
    history.pushState(history.state, '', `${SUGGESTIONS_PATH}${searchOf(next)}`);
    setItems([]);
    setTotal(null);
    setFilters(next);
  };
  const filtered = filters.year !== null || filters.category !== null || filters.q !== '';

  return (
    <Shell title="代表建议公开" kicker="人大代表提出的建议 · 有关部门的答复">
      {figures ? <Summary s={figures} chosenYear={filters.year} /> : null}
      {summary.error && !figures ? (
        <LoadError message={summary.error.message} onRetry={summary.reload} />
      ) : null}

      <section aria-labelledby="list-title">
        <h2 class="section-title" id="list-title">
          建议和答复
        </h2>
        <FilterForm filters={filters} years={figures?.years ?? []} onChange={change} />
        {total !== null ? (
          <p class="list-count" role="status">
            {filtered ? '找到' : '已公开'} <b>{count(total)}</b> 件
            {filtered ? (
              <button
                type="button"
                class="linkish gap-left"
                onClick={() => change({ year: null, category: null, q: '' })}
              >
                清除筛选
              </button>
            ) : null}
          </p>
        ) : null}
        {total === 0 ? (
          <p class="card muted">
            {filtered ? '没有找到符合条件的代表建议，请换个关键词或类别试试。' : '暂无公开的代表建议。'}
          </p>
        ) : (
          <ul class="sugs">
            {items.map((item) => (
              <li key={item.id}>
                <SuggestionCard item={item} />
              </li>
            ))}
          </ul>
        )}
        {loading && items.length === 0 ? (
          <div class="card loading" role="status">
            正在加载…
          </div>
        ) : null}
        {error ? (
          <LoadError
            message={error.message}
            onRetry={() => load(filters, items.length === 0 ? 1 : page + 1)}
          />
        ) : null}
        {total !== null && items.length < total && !error ? (
          <button type="button" class="btn block" disabled={loading} onClick={() => load(filters, page + 1)}>
            {loading ? '正在加载…' : `加载更多（还有 ${count(total - items.length)} 件）`}
          </button>
        ) : null}
      </section>

      <section class="card">
        <h2 class="section-title">关于代表建议</h2>
        <p>
          {
            '代表建议是人大代表对各方面工作提出的建议、批评和意见，由有关部门办理并书面答复代表，代表对答复作出评价。'
          }
          {'这里公开的是办结后经审核、去除个人隐私的建议和答复。'}
        </p>
        <a class="btn block" href="/p">
          查看群众意见办理公开
        </a>
      </section>
    </Shell>
  );
}
