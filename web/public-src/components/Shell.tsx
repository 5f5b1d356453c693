/** @jsxImportSource preact */
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';

interface Props {
  /** The small line above the title (what kind of place, where). */
  kicker?: string | null;
  title: string;
  /** Document title; the page title when absent. */
  docTitle?: string;
  children: ComponentChildren;
  /** Room at the bottom for the fixed action bar. */
  withActionBar?: boolean;
}

/** Every page: a red band with the title, the content, and a footer with the ways to go on. */
export function Shell({ kicker, title, docTitle, children, withActionBar }: Props) {
  useEffect(() => {
    document.title = `${docTitle ?? title} · 联系人大代表`;
  }, [docTitle, title]);
  return (
    <div class={withActionBar ? 'page with-bar' : 'page'}>
      <header class="band">
        {kicker ? <p class="kicker">{kicker}</p> : null}
        <h1>{title}</h1>
      </header>
      <main>{children}</main>
      <footer class="foot">
        <nav>
          <a href="/t">查询办理进度</a>
          <a href="/p">办理公开</a>
          <a href="/p/suggestions">代表建议</a>
        </nav>
        <p>人大代表联络平台 · 一码通</p>
      </footer>
    </div>
  );
}

export function Loading() {
  return (
    <div class="card loading" role="status">
      正在加载…
    </div>
  );
}

/** A failed load: what happened, and "重试" when it may work next time. */
export function LoadError({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div class="card notice error" role="alert">
      <p>{message}</p>
      {onRetry ? (
        <button type="button" class="btn" onClick={onRetry}>
          重试
        </button>
      ) : null}
    </div>
  );
}
