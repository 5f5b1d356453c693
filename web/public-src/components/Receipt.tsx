/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import { dateTimeText, dueText, groupCode } from '../lib/format.ts';
import type { SubmissionReceipt } from '../lib/types.ts';

/** Copy text; the clipboard API needs HTTPS, so plain-HTTP pages fall back to selecting and copying. */
async function copy(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the old way
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let ok: boolean;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

export function Receipt({ receipt, onBack }: { receipt: SubmissionReceipt; onBack: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const grouped = groupCode(receipt.trackingCode);
  return (
    <section class="receipt">
      <div class="card done">
        <p class="done-mark" aria-hidden="true">
          ✓
        </p>
        <h2>留言已提交</h2>
        <p>
          已送达：<b>{receipt.addressedTo}</b>
        </p>
        <p class="muted">提交时间：{dateTimeText(receipt.submittedAt)}</p>
      </div>

      <div class="card code-card">
        <p class="label">您的查询码</p>
        <p class="code" aria-label={`查询码 ${grouped.split('').join(' ')}`}>
          {grouped}
        </p>
        <button
          type="button"
          class="btn block"
          onClick={() => void copy(grouped).then((ok) => setCopied(ok ? 'yes' : 'no'))}
        >
          {copied === 'yes' ? '已复制' : '复制查询码'}
        </button>
        {copied === 'no' ? <p class="hint">无法自动复制，请长按查询码复制，或抄写下来。</p> : null}
        <p class="save-hint">
          <b>请保存查询码：</b>截图或抄在纸上。凭查询码可以随时查看办理进度、评价办理结果。
        </p>
      </div>

      <div class="card">
        <p>
          我们会在 <b>{dueText(receipt.ackDue)}</b> 前告诉您是否受理；如留了手机号，会短信通知您。
        </p>
      </div>

      <a class="btn primary big block" href={`/t/${receipt.trackingCode}`}>
        查看办理进度
      </a>
      <button type="button" class="btn block" onClick={onBack}>
        返回
      </button>
    </section>
  );
}
