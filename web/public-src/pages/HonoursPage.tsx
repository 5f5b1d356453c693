/** @jsxImportSource preact */
import { LoadError, Loading, Shell } from '../components/Shell.tsx';
import { API } from '../lib/api.ts';
import { dateText } from '../lib/format.ts';
import { navigate, useSearch } from '../lib/router.ts';
import { useFetch } from '../lib/useFetch.ts';
import type { PublicHonours } from '../lib/types.ts';

export const HONOURS_PATH = '/p/honours';

/** /p/honours?year=2026: the honours of a year (履职之星 …) with the scores and the method behind them. */
export function HonoursPage() {
  const search = useSearch();
  const year = Number(search.get('year'));
  const chosen = Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null;
  const { data, error, loading, reload } = useFetch<PublicHonours>(
    `${API}/honours${chosen !== null ? `?year=${chosen}` : ''}`,
  );

  if (loading && !data)
    return (
      <Shell title="履职之星">
        <Loading />
      </Shell>
    );
  if (error || !data)
    return (
      <Shell title="履职之星">
        <LoadError message={error?.message ?? '加载失败'} onRetry={reload} />
      </Shell>
    );

  const h = data;
  const years = h.year !== null && !h.years.includes(h.year) ? [h.year, ...h.years] : h.years;
  return (
    <Shell
      title="履职之星"
      kicker={h.year !== null ? `${h.year}年度 · 人大代表履职评价` : '人大代表履职评价'}
    >
      {years.length > 1 ? (
        <label class="select-field">
          <span class="label">年度</span>
          <select
            value={String(h.year ?? '')}
            onChange={(e) => navigate(`${HONOURS_PATH}?year=${e.currentTarget.value}`)}
          >
            {years.map((y) => (
              <option key={y} value={String(y)}>
                {y}年
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {h.groups.length === 0 ? (
        <div class="card">
          <h2>{h.year !== null ? `${h.year}年度尚未评选` : '尚未评选'}</h2>
          <p class="muted">履职之星根据代表全年的履职评价得分评选，评选结果将在这里公布。</p>
        </div>
      ) : (
        h.groups.map((g) => (
          <section key={`${g.congress.id}-${g.title}-${g.ruleSetVersion}`}>
            <h2 class="section-title">{g.congress.name}</h2>
            <p class="honour-title">
              <span aria-hidden="true">★</span> {g.title}（{g.awards.length} 名）
            </p>
            {/* In the order of the scores; an honour is not a ranking, so no place numbers. */}
            <ul class="honours">
              {g.awards.map((a, i) => {
                const inner = (
                  <>
                    <span class="honour-star" aria-hidden="true">
                      ★
                    </span>
                    <span class="honour-name">{a.name}</span>
                    <span class="honour-score">
                      {a.score}
                      <small> 分</small>
                    </span>
                    {a.citation ? <span class="honour-citation">{a.citation}</span> : null}
                  </>
                );
                return (
                  <li key={`${a.name}-${i}`}>
                    {a.publicCode ? (
                      <a class="honour linked" href={`/r/${a.publicCode}`}>
                        {inner}
                        <span class="chev" aria-hidden="true">
                          ›
                        </span>
                      </a>
                    ) : (
                      <div class="honour">{inner}</div>
                    )}
                  </li>
                );
              })}
            </ul>
            {g.awards[0] ? (
              <p class="hint">
                {dateText(g.awards[0].awardedAt)}评定。得分是评定时按履职评价办法第 {g.ruleSetVersion}{' '}
                版算出的全年得分。
              </p>
            ) : null}
            <details class="card method-details">
              <summary>评选依据（第 {g.ruleSetVersion} 版办法）</summary>
              <ol class="method">
                {g.method.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ol>
            </details>
          </section>
        ))
      )}
      <a class="card link-card" href="/p/performance/method">
        <span class="link-card-title">履职评价办法</span>
        <span class="link-card-text">现行的计分办法和年度基本要求</span>
        <span class="chev" aria-hidden="true">
          ›
        </span>
      </a>
    </Shell>
  );
}
