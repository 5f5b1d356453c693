import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureWebBuild, webBuildState } from './web-build.ts';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** A web/ folder with files at given ages (seconds before a fixed instant). */
function webRoot(files: Record<string, number>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'liaison-web-'));
  roots.push(root);
  const base = Date.parse('2026-11-01T00:00:00Z') / 1000;
  for (const [name, ageSeconds] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(
      file,
      name.endsWith('vite.config.ts') ? 'throw new Error("no front end here");\n' : '<!doctype html>\n',
    );
    utimesSync(file, base - ageSeconds, base - ageSeconds);
  }
  return root;
}

describe('web build freshness', () => {
  it('serves the API only while there is no Vite config yet', async () => {
    const root = webRoot({ 'index.html': 10, 'src/main.tsx': 10 });
    expect(webBuildState(root)).toEqual({ state: 'no-config' });
    const lines: string[] = [];
    expect(await ensureWebBuild((l) => lines.push(l), root)).toBe('api-only');
    expect(lines.join('\n')).toMatch(/vite\.config\.ts does not exist yet/);
  });

  it('builds when dist is missing', () => {
    expect(webBuildState(webRoot({ 'vite.config.ts': 10, 'index.html': 10, 'src/main.tsx': 10 }))).toEqual({
      state: 'missing',
    });
  });

  it('is fresh when dist is newer than every source', () => {
    const root = webRoot({
      'vite.config.ts': 50,
      'index.html': 40,
      'src/main.tsx': 30,
      'src/pages/a/Page.tsx': 20,
      'dist/index.html': 5,
    });
    expect(webBuildState(root)).toEqual({ state: 'fresh' });
  });

  it('is stale when a file deep under src, or index.html, changed after the build', () => {
    const deep = webRoot({
      'vite.config.ts': 50,
      'index.html': 40,
      'src/main.tsx': 30,
      'src/pages/a/Page.tsx': 1,
      'dist/index.html': 5,
    });
    expect(webBuildState(deep)).toEqual({
      state: 'stale',
      newer: path.join('src', 'pages', 'a', 'Page.tsx'),
    });
    const page = webRoot({ 'vite.config.ts': 50, 'index.html': 1, 'src/main.tsx': 30, 'dist/index.html': 5 });
    expect(webBuildState(page)).toEqual({ state: 'stale', newer: 'index.html' });
  });

  it('is stale when the phone pages (public-src, public.html) changed after the build', () => {
    const built = { 'vite.config.ts': 50, 'index.html': 40, 'src/main.tsx': 30, 'dist/index.html': 5 };
    const fresh = webRoot({ ...built, 'public.html': 40, 'public-src/main.tsx': 30 });
    expect(webBuildState(fresh)).toEqual({ state: 'fresh' });
    const component = webRoot({ ...built, 'public.html': 40, 'public-src/components/Receipt.tsx': 1 });
    expect(webBuildState(component)).toEqual({
      state: 'stale',
      newer: path.join('public-src', 'components', 'Receipt.tsx'),
    });
    const page = webRoot({ ...built, 'public.html': 1, 'public-src/main.tsx': 30 });
    expect(webBuildState(page)).toEqual({ state: 'stale', newer: 'public.html' });
  });

  it('keeps serving the previous build when a rebuild fails', async () => {
    const root = webRoot({ 'vite.config.ts': 50, 'index.html': 1, 'src/main.tsx': 30, 'dist/index.html': 5 });
    const lines: string[] = [];
    expect(await ensureWebBuild((l) => lines.push(l), root)).toBe('previous-build');
    expect(lines.join('\n')).toMatch(/could not be built .*serving the previous build/);
  });
});
