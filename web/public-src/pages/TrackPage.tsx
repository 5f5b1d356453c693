/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import { RatingForm } from '../components/RatingForm.tsx';
import { LoadError, Loading, Shell } from '../components/Shell.tsx';
import { API } from '../lib/api.ts';
import { dateText, dateTimeText, groupCode, normaliseCode } from '../lib/format.ts';
import {
  OPINION_STATE_LABELS,
  RATING_LABELS,
  REJECTION_REASON_LABELS,
  REPLY_RESULT_LABELS,
} from '../lib/labels.ts';
import { navigate } from '../lib/router.ts';
import { categoryName, useCategories } from '../lib/shared.ts';
import { useFetch } from '../lib/useFetch.ts';
import type { TrackingView } from '../lib/types.ts';

/** Colours of the status line: done, under way, or stopped. */
function tone(status: TrackingView['status']): 'ok' | 'wait' | 'stop' {
  if (status === 'REJECTED') return 'stop';
  if (
    [
      'REPLIED',
      'AWAITING_FEEDBACK',
      'RATED',
      'CLOSED',
      'CLOSED_UNRATED',
      'PUBLISHED',
      'ANSWERED_ON_SPOT',
    ].includes(status)
  )
    return 'ok';
  return 'wait';
}

function CodeEntry({ initial = '', message }: { initial?: string; message?: string | null }) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    const code = normaliseCode(value);
    if (code.length < 6) {
      setError('请输入完整的查询码（提交留言后显示，形如 ab3k-7mq2-xp）');
      return;
    }
    navigate(`/t/${code}`);
  };
  return (
    <form class="card" onSubmit={submit} noValidate>
      <label for="t-code" class="label">
        请输入查询码
      </label>
      <input
        id="t-code"
        class="code-input"
        type="text"
        autoComplete="off"
        autoCapitalize="none"
        spellcheck={false}
        maxLength={24}
        placeholder="ab3k-7mq2-xp"
        value={value}
        onInput={(e) => {
          setValue(e.currentTarget.value);
          setError(null);
        }}
      />
      {error || message ? (
        <p class="field-error" role="alert">
          {error ?? message}
        </p>
      ) : null}
      <button type="submit" class="btn primary big block">
        查询
      </button>
      <p class="hint">查询码在提交留言后显示。忘记了可以到留言的代表联络站咨询。</p>
    </form>
  );
}

type ConvertedSuggestion = NonNullable<TrackingView['suggestion']>;

/** The suggestion this opinion became (转为代表建议): its number, where it stands, and the unit's reply once there is one. */
function ConvertedBlock({ s }: { s: ConvertedSuggestion }) {
  const answered = s.reply !== null;
  return (
    <section class="card notice converted" aria-labelledby="conv-title">
      <h2 id="conv-title">您的意见已由人大代表转为代表建议{s.caseLabel ? `（${s.caseLabel}）` : ''}</h2>
      <p class="conv-title">
        <span class="muted">建议标题</span>
        <br />
        {s.title}
      </p>
      <p class="conv-status">
        <span class="muted">建议办理状态</span>
        <span class={`tag ${answered ? 'ok' : 'wait'}`}>{s.statusLabel}</span>
      </p>
      {!s.caseLabel ? <p class="muted">代表建议立案后会有编号（第几号），请耐心等待。</p> : null}
      {s.reply ? (
        <div class="conv-reply">
          <p class="conv-reply-head">
            <b>{s.reply.unit || '承办单位'}的答复</b>
            <span class="muted">{dateText(s.reply.at)}</span>
          </p>
          <p>
            <span class={`cls-tag c-${s.reply.replyClass}`}>{s.reply.replyClassLabel}</span>
          </p>
          <p class="pre">{s.reply.body}</p>
        </div>
      ) : (
        <p class="muted">承办单位答复后，答复内容会显示在这里。代表建议的办理期限一般为交办后三个月。</p>
      )}
    </section>
  );
}

function Tracking({ view, reload }: { view: TrackingView; reload: () => void }) {
  const categories = useCategories();
  const category = categoryName(categories, view.categoryCode);
  const t = view.suggestion?.reply ? 'ok' : tone(view.status);
  return (
    <>
      <section class={`card status ${t}`}>
        <p class="label">办理状态</p>
        <p class="status-text">{OPINION_STATE_LABELS[view.status].zh}</p>
      </section>

      {view.rejection ? (
        <section class="card notice warn">
          <h2>不予受理：{REJECTION_REASON_LABELS[view.rejection.reason].zh}</h2>
          <p>{view.rejection.guidance.zh}</p>
          {view.rejection.note ? <p class="muted">说明：{view.rejection.note}</p> : null}
        </section>
      ) : null}

      {view.mergedInto ? (
        <section class="card notice">
          <p>
            您反映的问题与其他群众反映的相同，已并入 <b>{groupCode(view.mergedInto)}</b>{' '}
            一并办理，答复也适用于您的留言。
          </p>
          <a class="btn block" href={`/t/${view.mergedInto}`}>
            查看合并后的办理情况
          </a>
        </section>
      ) : null}

      {view.suggestion ? (
        <ConvertedBlock s={view.suggestion} />
      ) : view.convertedRef ? (
        <section class="card notice converted">
          <h2>您的意见已由人大代表转为代表建议</h2>
          <p>代表建议将交有关部门办理并书面答复，答复后会显示在这里。</p>
        </section>
      ) : null}

      {view.replies.length > 0 ? (
        <section>
          <h2 class="section-title">办理答复</h2>
          {view.replies.map((r) => (
            <article class="card reply" key={`${r.round}-${r.at}`}>
              <p class="case-meta">
                <span class="tag ok">{REPLY_RESULT_LABELS[r.result].zh}</span>
                {r.round > 1 ? <span class="tag">第 {r.round} 次办理</span> : null}
                <span>{dateTimeText(r.at)}</span>
              </p>
              <p class="reply-text">{r.content}</p>
              {r.from ? <p class="muted">答复单位：{r.from}</p> : null}
            </article>
          ))}
        </section>
      ) : null}

      {view.ratings.length > 0 ? (
        <section class="card">
          {view.ratings.map((r) => (
            <p key={r.round}>
              您的评价{view.ratings.length > 1 ? `（第 ${r.round} 次）` : ''}：
              <b>{RATING_LABELS[r.rating].zh}</b>
              <span class="muted gap-left">{dateTimeText(r.at)}</span>
            </p>
          ))}
        </section>
      ) : null}

      {view.canRate ? (
        <RatingForm trackingCode={view.trackingCode} feedbackDue={view.feedbackDue} onRated={reload} />
      ) : null}

      <section>
        <h2 class="section-title">办理进度</h2>
        <ol class="timeline">
          {[...view.timeline].reverse().map((step, i) => (
            <li key={`${step.at}-${i}`} class={i === 0 ? 'now' : ''}>
              <p class="tl-status">{OPINION_STATE_LABELS[step.status].zh}</p>
              <p class="tl-time">{dateTimeText(step.at)}</p>
              {step.note ? <p class="tl-note">{step.note}</p> : null}
            </li>
          ))}
        </ol>
      </section>

      <section class="card mine">
        <h2 class="section-title">您的留言</h2>
        <p class="muted">
          {dateTimeText(view.submittedAt)}
          {view.addressedTo ? ` · 留言给${view.addressedTo}` : ''}
          {category ? ` · ${category}` : ''}
        </p>
        <p class="mine-text">{view.content}</p>
      </section>
    </>
  );
}

export function TrackPage({ code }: { code: string | null }) {
  const normalised = code ? normaliseCode(code) : null;
  const { data, error, loading, reload } = useFetch<TrackingView>(
    normalised ? `${API}/opinions/${encodeURIComponent(normalised)}` : null,
  );
  if (!normalised)
    return (
      <Shell title="查询办理进度">
        <CodeEntry />
      </Shell>
    );
  if (loading && !data)
    return (
      <Shell title="查询办理进度">
        <Loading />
      </Shell>
    );
  if (error || !data) {
    const notFound = error?.status === 404 || error?.status === 400;
    return (
      <Shell title="查询办理进度">
        {notFound ? (
          <CodeEntry initial={groupCode(normalised)} message="没有找到这个查询码，请核对后再试。" />
        ) : (
          <LoadError message={error?.message ?? '加载失败'} onRetry={reload} />
        )}
      </Shell>
    );
  }
  return (
    <Shell title="办理进度" kicker={`查询码 ${groupCode(data.trackingCode)}`}>
      <Tracking view={data} reload={reload} />
    </Shell>
  );
}
