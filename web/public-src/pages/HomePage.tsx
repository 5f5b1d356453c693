/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import { PublishedList } from '../components/PublishedList.tsx';
import { LoadError, Shell } from '../components/Shell.tsx';
import { API, ApiError, getJson } from '../lib/api.ts';
import { count, percent } from '../lib/format.ts';
import { useFetch } from '../lib/useFetch.ts';
import type { PublicHeadline, PublishedItem, PublishedPage } from '../lib/types.ts';

function Headline({ h }: { h: PublicHeadline }) {
  const tiles: [string, string, string?][] = [
    ['收集意见建议', `${count(h.collected)} 条`],
    ['已办理', `${count(h.handled)} 条`],
    ['满意率', percent(h.satisfactionRate), h.rated > 0 ? `${count(h.rated)} 人评价` : '暂无评价'],
    ['解决率', percent(h.resolutionRate)],
    ['按时办结率', percent(h.onTimeRate)],
    ['及时响应率', percent(h.responseRate)],
    ['人大代表', `${count(h.representatives)} 名`],
    ['代表家站点', `${count(h.stations)} 个`],
  ];
  return (
    <section>
      <h2 class="section-title">民意办理情况</h2>
      <ul class="tiles">
        {tiles.map(([label, value, note]) => (
          <li key={label} class="tile">
            <span class="tile-value">{value}</span>
            <span class="tile-label">{label}</span>
            {note ? <span class="tile-note">{note}</span> : null}
          </li>
        ))}
      </ul>
      <p class="hint">
        数字由系统根据每一条留言的办理记录自动统计。满意率 =（满意 + 0.9 × 基本满意）÷ 参与评价数。
      </p>
    </section>
  );
}

/** /p: the headline numbers and the published cases, a page at a time. */
export function HomePage() {
  const headline = useFetch<PublicHeadline>(`${API}/headline`);
  const [items, setItems] = useState<PublishedItem[]>([]);
  const [page, setPage] = useState(1);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = (p: number) => {
    setLoading(true);
    setError(null);
    getJson<PublishedPage>(`${API}/published?page=${p}`).then(
      (res) => {
        setItems((old) => (p === 1 ? res.items : [...old, ...res.items]));
        setTotal(res.total);
        setPage(p);
        setLoading(false);
      },
      (err: unknown) => {
        setError(err instanceof ApiError ? err.message : '加载失败');
        setLoading(false);
      },
    );
  };
  useEffect(() => load(1), []);

  return (
    <Shell title="人大代表联络 · 办理公开" kicker="一码通 · 扫码联系人大代表">
      {headline.data ? <Headline h={headline.data} /> : null}
      {headline.error ? <LoadError message={headline.error.message} onRetry={headline.reload} /> : null}
      <a class="card link-card" href="/p/suggestions">
        <span class="link-card-title">代表建议公开</span>
        <span class="link-card-text">人大代表提出的建议，有关部门怎样答复、代表是否满意</span>
        <span class="chev" aria-hidden="true">
          ›
        </span>
      </a>
      <a class="card link-card" href="/p/honours">
        <span class="link-card-title">履职之星</span>
        <span class="link-card-text">按履职评价得分评选的优秀人大代表，以及评价办法</span>
        <span class="chev" aria-hidden="true">
          ›
        </span>
      </a>
      <section>
        <h2 class="section-title">办理结果公开</h2>
        <PublishedList items={items} showStation />
        {error ? (
          <LoadError message={error} onRetry={() => load(page === 1 && items.length === 0 ? 1 : page + 1)} />
        ) : null}
        {total !== null && items.length < total && !error ? (
          <button type="button" class="btn block" disabled={loading} onClick={() => load(page + 1)}>
            {loading ? '正在加载…' : '加载更多'}
          </button>
        ) : null}
      </section>
      <section class="card">
        <h2 class="section-title">怎样联系人大代表</h2>
        <p>扫描代表联络站或人大代表的二维码，就可以留言；也可以在接待日到站，当面向代表反映。</p>
        <a class="btn block" href="/t">
          查询我的留言办理进度
        </a>
      </section>
    </Shell>
  );
}
