/** @jsxImportSource preact */
import { LoadError, Loading, Shell } from '../components/Shell.tsx';
import { API } from '../lib/api.ts';
import { dateText } from '../lib/format.ts';
import { navigate, useSearch } from '../lib/router.ts';
import { useFetch } from '../lib/useFetch.ts';
import type { PublicMethod } from '../lib/types.ts';

export const METHOD_PATH = '/p/performance/method';

/** /p/performance/method?station=<code> or ?congress=<id>: the scoring method in force, in plain Chinese. */
export function MethodPage() {
  const search = useSearch();
  const q = new URLSearchParams();
  const station = search.get('station');
  const congress = Number(search.get('congress'));
  const year = Number(search.get('year'));
  if (Number.isInteger(congress) && congress > 0) q.set('congressId', String(congress));
  else if (station && /^[A-Za-z0-9]{4,32}$/.test(station)) q.set('station', station);
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) q.set('year', String(year));
  const query = q.toString();
  const { data, error, loading, reload } = useFetch<PublicMethod>(
    `${API}/performance/method${query ? `?${query}` : ''}`,
  );

  if (loading && !data)
    return (
      <Shell title="履职评价办法">
        <Loading />
      </Shell>
    );
  if (error || !data)
    return (
      <Shell title="履职评价办法">
        <LoadError
          message={error?.status === 404 ? '尚未公布履职评价办法。' : (error?.message ?? '加载失败')}
          {...(error?.status === 404 ? {} : { onRetry: reload })}
        />
      </Shell>
    );

  const m = data;
  const total = m.caps.participation + m.caps.suggestions + m.caps.solving;
  const parts: [string, number][] = [
    ['参加活动', m.caps.participation],
    ['提出建议', m.caps.suggestions],
    ['解决问题', m.caps.solving],
  ];
  const choices = m.congresses.some((c) => c.id === m.congress.id)
    ? m.congresses
    : [m.congress, ...m.congresses];
  return (
    <Shell title="履职评价办法" kicker={`${m.congress.name} · ${m.year}年度`}>
      {choices.length > 1 ? (
        <label class="select-field">
          <span class="label">代表大会</span>
          <select
            value={String(m.congress.id)}
            onChange={(e) => navigate(`${METHOD_PATH}?congress=${e.currentTarget.value}&year=${m.year}`)}
          >
            {choices.map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <section>
        <h2 class="section-title">满分 {total} 分</h2>
        <ul class="tiles three">
          {parts.map(([label, cap]) => (
            <li key={label} class="tile">
              <span class="tile-value">{cap} 分</span>
              <span class="tile-label">{label}</span>
            </li>
          ))}
        </ul>
        <p class="hint">
          {m.version > 0
            ? `${m.year}年度评价规则第 ${m.version} 版${m.savedAt ? `，${dateText(m.savedAt)}制定` : ''}。`
            : `${m.year}年度尚未另行制定规则，按默认办法评价。`}
        </p>
      </section>
      <section>
        <h2 class="section-title">计分办法</h2>
        <ol class="card method">
          {m.method.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ol>
        <p class="hint">
          每一分都对应一条可查的履职记录：活动签到、建议立案和答复、群众对办理结果的评价。代表本人可以在系统中查看自己的得分明细。
        </p>
      </section>
      <a class="card link-card" href="/p/honours">
        <span class="link-card-title">履职之星</span>
        <span class="link-card-text">按照本办法评选出的优秀代表</span>
        <span class="chev" aria-hidden="true">
          ›
        </span>
      </a>
    </Shell>
  );
}
