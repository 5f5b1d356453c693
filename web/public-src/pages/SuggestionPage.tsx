/** @jsxImportSource preact */
import { ratingTone, splitClassLabel } from '../components/SuggestionCard.tsx';
import { LoadError, Loading, Shell } from '../components/Shell.tsx';
import { API } from '../lib/api.ts';
import { dateText } from '../lib/format.ts';
import { categoryName, useCategories } from '../lib/shared.ts';
import { useFetch } from '../lib/useFetch.ts';
import type { PublicSuggestionDetail } from '../lib/types.ts';
import { SUGGESTIONS_PATH } from './SuggestionsPage.tsx';

/** Names in a row, each kept whole on one line ('、' between). */
function Names({ names }: { names: readonly string[] }) {
  return (
    <>
      {names.map((n, i) => (
        <span key={`${i}-${n}`} class="name">
          {n}
          {i < names.length - 1 ? '、' : ''}
        </span>
      ))}
    </>
  );
}

/** Back to the list: the same place in it when the case was opened from there, else its top. */
function BackLink() {
  const fromList = (history.state as { fromList?: boolean } | null)?.fromList === true;
  return (
    <a
      class="back"
      href={SUGGESTIONS_PATH}
      onClick={(e) => {
        if (!fromList) return;
        e.preventDefault();
        history.back();
      }}
    >
      ‹ 返回代表建议列表
    </a>
  );
}

function Detail({ s }: { s: PublicSuggestionDetail }) {
  const categories = useCategories();
  const category = categoryName(categories, s.categoryCode);
  const [cls, clsWords] = s.replyClassLabel ? splitClassLabel(s.replyClassLabel) : ['', ''];
  const dates: [string, string | null][] = [
    ['立案', s.registeredAt],
    ['答复', s.repliedAt],
    ['公开', s.publishedAt],
  ];
  return (
    <>
      <section class="card facts">
        <p class="sug-top">
          {s.caseLabel ? <span class="case-no">{s.caseLabel}</span> : null}
          <span class="tag">{s.kindLabel}</span>
          {category ? <span class="tag">{category}</span> : null}
        </p>
        <p class="muted">
          {s.congress.name}
          {s.sessionLabel}
          {s.period === 'recess' ? `（${s.year}年）` : ''}
        </p>
        <dl class="who">
          <dt>领衔代表</dt>
          <dd>
            <Names names={[s.lead, ...s.jointLeads]} />
          </dd>
          {s.cosigners.length > 0 ? (
            <>
              <dt>附议代表</dt>
              <dd>
                <Names names={s.cosigners} />
              </dd>
            </>
          ) : null}
          {s.leadUnit ? (
            <>
              <dt>主办单位</dt>
              <dd>{s.leadUnit}</dd>
            </>
          ) : null}
          {s.coUnits.length > 0 ? (
            <>
              <dt>协办单位</dt>
              <dd>
                <Names names={s.coUnits} />
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="s-body">
        <h2 class="section-title" id="s-body">
          建议内容
        </h2>
        <div class="card">
          <p class="pre">{s.body}</p>
        </div>
      </section>

      <section aria-labelledby="s-reply">
        <h2 class="section-title" id="s-reply">
          办理答复
        </h2>
        <div class="card reply-card">
          {s.replyClass ? (
            <p class={`cls-line c-${s.replyClass}`}>
              <span class="cls-letter">{cls}</span>
              <span>{clsWords}</span>
            </p>
          ) : null}
          {s.reply ? <p class="pre">{s.reply}</p> : <p class="muted">答复内容未公开。</p>}
          {s.leadUnit ? <p class="muted">答复单位：{s.leadUnit}</p> : null}
          {s.repliedAt ? <p class="muted">答复日期：{dateText(s.repliedAt)}</p> : null}
        </div>
      </section>

      <section aria-labelledby="s-eval">
        <h2 class="section-title" id="s-eval">
          代表评价
        </h2>
        {s.evaluation ? (
          <div class="card">
            <ul class="evals">
              <li>
                <span class="eval-what">对办理态度</span>
                <span class={`rate-tag big ${ratingTone(s.evaluation.attitude)}`}>
                  {s.evaluation.attitudeLabel}
                </span>
              </li>
              <li>
                <span class="eval-what">对办理结果</span>
                <span class={`rate-tag big ${ratingTone(s.evaluation.result)}`}>
                  {s.evaluation.resultLabel}
                </span>
              </li>
            </ul>
          </div>
        ) : (
          <p class="card muted">代表未在期限内评价。</p>
        )}
      </section>

      <section aria-labelledby="s-dates">
        <h2 class="section-title" id="s-dates">
          办理时间
        </h2>
        <ol class="timeline">
          {dates
            .filter((d): d is [string, string] => d[1] !== null)
            .map(([label, at], i, all) => (
              <li key={label} class={i === all.length - 1 ? 'now' : ''}>
                <p class="tl-status">{label}</p>
                <p class="tl-time">{dateText(at)}</p>
              </li>
            ))}
        </ol>
      </section>
      <BackLink />
    </>
  );
}

/** /p/suggestions/<id>: one published suggestion with its reply and the representative's evaluation. */
export function SuggestionPage({ id }: { id: string }) {
  const valid = /^[1-9]\d{0,8}$/.test(id);
  const { data, error, loading, reload } = useFetch<PublicSuggestionDetail>(
    valid ? `${API}/suggestions/${id}` : null,
  );
  if (!valid || error?.status === 404 || error?.status === 400)
    return (
      <Shell title="代表建议公开">
        <div class="card notice">
          <p>没有找到这件公开的代表建议，可能尚未公开或网址有误。</p>
          <a class="btn primary block" href={SUGGESTIONS_PATH}>
            查看全部公开的代表建议
          </a>
        </div>
      </Shell>
    );
  if (error)
    return (
      <Shell title="代表建议公开">
        <LoadError message={error.message} onRetry={reload} />
        <BackLink />
      </Shell>
    );
  if (loading || !data)
    return (
      <Shell title="代表建议公开">
        <Loading />
      </Shell>
    );
  return (
    <Shell
      title={data.title}
      docTitle={`${data.caseLabel ? `${data.caseLabel} ` : ''}${data.title}`}
      kicker="代表建议公开"
    >
      <Detail s={data} />
    </Shell>
  );
}
