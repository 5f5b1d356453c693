/** @jsxImportSource preact */
import { useRef, useState } from 'preact/hooks';
import { API, ApiError, postJson } from '../lib/api.ts';
import { dueText } from '../lib/format.ts';
import { newIdempotencyKey } from '../lib/ids.ts';
import { RATING_LABELS, RATINGS } from '../lib/labels.ts';

type Rating = (typeof RATINGS)[number];

/** 满意 / 基本满意 / 不满意 as three big buttons, an optional comment, and a submit that can be retried. */
export function RatingForm({
  trackingCode,
  feedbackDue,
  onRated,
}: {
  trackingCode: string;
  feedbackDue: string | null;
  onRated: () => void;
}) {
  const key = useRef(newIdempotencyKey());
  const [rating, setRating] = useState<Rating | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (!rating) {
      setError('请先选择：满意、基本满意或不满意');
      return;
    }
    setSending(true);
    setError(null);
    try {
      const text = comment.trim().replace(/</g, '＜').replace(/>/g, '＞');
      await postJson(
        `${API}/opinions/${encodeURIComponent(trackingCode)}/rating`,
        { rating, comment: text || null },
        { 'idempotency-key': key.current },
      );
      onRated();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '提交未成功，请重试');
    } finally {
      setSending(false);
    }
  }

  return (
    <form class="card rate" onSubmit={submit} noValidate>
      <h2>您对办理结果满意吗？</h2>
      {feedbackDue ? <p class="muted">请在 {dueText(feedbackDue)} 前评价。</p> : null}
      <div class="rate-buttons" role="radiogroup" aria-label="评价">
        {RATINGS.map((r) => (
          <button
            type="button"
            key={r}
            role="radio"
            aria-checked={rating === r}
            class={rating === r ? `rate-btn ${r} on` : `rate-btn ${r}`}
            onClick={() => {
              setRating(r);
              setError(null);
            }}
          >
            {RATING_LABELS[r].zh}
          </button>
        ))}
      </div>
      {rating === 'unsatisfied' ? <p class="hint">选择“不满意”时，请在下面写明原因，便于重新办理。</p> : null}
      <label for="r-comment" class="label">
        评价意见 <span class="opt">（选填）</span>
      </label>
      <textarea
        id="r-comment"
        rows={3}
        maxLength={1000}
        value={comment}
        onInput={(e) => setComment(e.currentTarget.value)}
      />
      {error ? (
        <p class="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" class="btn primary big block" disabled={sending}>
        {sending ? '正在提交…' : '提交评价'}
      </button>
    </form>
  );
}
