/**
 * Building the web app before `liaison start` serves it, so `npm install && npm start` is all a
 * newcomer types. The build runs only when web/dist is missing or older than a source file, and
 * through Vite's JavaScript API (no shell, no global tools). While the front end does not exist
 * yet (no web/vite.config.ts), or when Vite is not installed (a production install without dev
 * dependencies), the server runs with the API alone and says so.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const WEB_ROOT = path.resolve(import.meta.dirname, '../../web');

export type WebState =
  { state: 'no-config' } | { state: 'missing' } | { state: 'stale'; newer: string } | { state: 'fresh' };

/** The newest file under `dir` (skipping dependencies and build output), or null. */
function newestFile(dir: string): { file: string; mtimeMs: number } | null {
  if (!existsSync(dir)) return null;
  let newest: { file: string; mtimeMs: number } | null = null;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    const candidate = entry.isDirectory()
      ? newestFile(full)
      : entry.isFile()
        ? { file: full, mtimeMs: statSync(full).mtimeMs }
        : null;
    if (candidate && (!newest || candidate.mtimeMs > newest.mtimeMs)) newest = candidate;
  }
  return newest;
}

/** The folders and pages the build reads: the console (src, index.html) and the phone pages (public-src, public.html). */
const SOURCE_DIRS = ['src', 'public-src', 'public'];
const SOURCE_PAGES = ['index.html', 'public.html'];

/** Whether web/dist is up to date with the sources of both pages. */
export function webBuildState(webRoot: string = WEB_ROOT): WebState {
  if (!existsSync(path.join(webRoot, 'vite.config.ts'))) return { state: 'no-config' };
  const built = path.join(webRoot, 'dist', 'index.html');
  if (!existsSync(built)) return { state: 'missing' };
  const builtAt = statSync(built).mtimeMs;
  const sources = SOURCE_DIRS.map((dir) => newestFile(path.join(webRoot, dir)));
  for (const name of SOURCE_PAGES) {
    const page = path.join(webRoot, name);
    if (existsSync(page)) sources.push({ file: page, mtimeMs: statSync(page).mtimeMs });
  }
  const newer = sources.find((s) => s !== null && s.mtimeMs > builtAt);
  return newer ? { state: 'stale', newer: path.relative(webRoot, newer.file) } : { state: 'fresh' };
}

export type WebOutcome = 'fresh' | 'built' | 'api-only' | 'previous-build';

/** Build the web app when needed; never fails the start-up, only reports what will be served. */
export async function ensureWebBuild(
  log: (line: string) => void,
  webRoot: string = WEB_ROOT,
): Promise<WebOutcome> {
  const status = webBuildState(webRoot);
  if (status.state === 'fresh') return 'fresh';
  const hasPrevious = existsSync(path.join(webRoot, 'dist', 'index.html'));
  if (status.state === 'no-config') {
    log(
      'Notice: web/vite.config.ts does not exist yet (the web app is still being written); serving the API only.',
    );
    return hasPrevious ? 'previous-build' : 'api-only';
  }
  log(
    status.state === 'missing'
      ? 'Building the web app (first run)…'
      : `Rebuilding the web app (${status.newer} changed)…`,
  );
  const started = performance.now();
  try {
    const vite = await import('vite');
    await vite.build({ configFile: path.join(webRoot, 'vite.config.ts'), logLevel: 'warn' });
    log(`Web app built in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    return 'built';
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    log(
      `Notice: the web app could not be built (${reason}); ${hasPrevious ? 'serving the previous build' : 'serving the API only'}.`,
    );
    return hasPrevious ? 'previous-build' : 'api-only';
  }
}
