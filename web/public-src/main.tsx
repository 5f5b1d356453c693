/** @jsxImportSource preact */
/**
 * The citizens' phone pages (DESIGN.md §2 public role): what a QR code opens. Preact and
 * hand-written CSS, so the first visit on a weak signal loads a few dozen kilobytes.
 */
import { render } from 'preact';
import { Shell } from './components/Shell.tsx';
import { DisclosurePage } from './pages/DisclosurePage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { HonoursPage } from './pages/HonoursPage.tsx';
import { MethodPage } from './pages/MethodPage.tsx';
import { RepresentativePage } from './pages/RepresentativePage.tsx';
import { StationPage } from './pages/StationPage.tsx';
import { SuggestionPage } from './pages/SuggestionPage.tsx';
import { SuggestionsPage } from './pages/SuggestionsPage.tsx';
import { TrackPage } from './pages/TrackPage.tsx';
import { onLinkClick, usePath } from './lib/router.ts';
import './styles.css';

function decode(part: string | undefined): string | null {
  if (!part) return null;
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

function App() {
  const path = usePath();
  const [, first, second, third, fourth] = path.replace(/\/+$/, '').split('/');
  const code = decode(second);
  if (first === 's' && code) return <StationPage key={code} code={code} />;
  if (first === 'r' && code) return <RepresentativePage key={code} code={code} />;
  if (first === 't') return <TrackPage key={code ?? ''} code={code} />;
  if (first === 'p' && second === 'disclosure' && (third === 's' || third === 'r')) {
    const subject = decode(fourth);
    const kind = third === 's' ? 'station' : 'representative';
    if (subject) return <DisclosurePage key={`${third}/${subject}`} kind={kind} code={subject} />;
  }
  if (first === 'p' && second === 'performance' && third === 'method') return <MethodPage />;
  if (first === 'p' && second === 'honours') return <HonoursPage />;
  if (first === 'p' && second === 'suggestions')
    return third ? <SuggestionPage key={third} id={third} /> : <SuggestionsPage />;
  if (first === 'p') return <HomePage />;
  return (
    <Shell title="页面不存在">
      <div class="card">
        <p>没有这个页面。请重新扫描二维码，或：</p>
        <a class="btn primary block" href="/p">
          查看办理公开
        </a>
      </div>
    </Shell>
  );
}

document.addEventListener('click', onLinkClick);
const root = document.getElementById('app')!;
root.textContent = ''; // the "正在打开…" shown while the script loads
render(<App />, root);
