/**
 * The web console's build: root web/, output web/dist (served by the Fastify app), dev server on
 * :5173 proxying the API and the OpenAPI docs to the back end on :3000.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = path.dirname(fileURLToPath(import.meta.url));
const rruleEsm = path.resolve(webRoot, '../node_modules/rrule/dist/esm/index.js');

/**
 * src/lib/recurrence.ts (shared with the server) reads rrule through its CommonJS default export;
 * rrule's ES build has named exports only, so hand that module a namespace as its default.
 */
function rruleDefaultExport(): Plugin {
  const id = '\0rrule-with-default';
  return {
    name: 'liaison:rrule-default-export',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'rrule' && importer?.endsWith(path.join('src', 'lib', 'recurrence.ts'))) return id;
      return null;
    },
    load(loaded) {
      if (loaded !== id) return null;
      return `import * as rrule from ${JSON.stringify(rruleEsm)};\nexport * from ${JSON.stringify(rruleEsm)};\nexport default rrule;\n`;
    },
  };
}

/**
 * Vendor chunks. React with the router, React Query and rrule (stations only) are stable groups the
 * browser keeps across releases. antd is left to the automatic splitter: the shell's components land
 * in one shared chunk and heavier ones (table, date picker, upload …) load with the pages that use
 * them, which keeps the first load (log-in page) well under half of the whole library.
 */
const VENDOR_GROUPS = [
  {
    name: 'vendor-react',
    test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
    priority: 30,
  },
  { name: 'vendor-query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 20 },
  { name: 'vendor-rrule', test: /node_modules[\\/](rrule|tslib)[\\/]/, priority: 20 },
];

/** Chunks made mostly of library code are named vendor-… (vendor-antd-… for antd's) so that they read as such. */
function chunkFileName(chunk: { name: string; moduleIds: string[] }): string {
  if (chunk.name.startsWith('vendor-')) return 'assets/[name]-[hash].js';
  const ids = chunk.moduleIds;
  const vendor = ids.filter((id) => id.includes('node_modules'));
  if (ids.length === 0 || vendor.length / ids.length < 0.8) return 'assets/[name]-[hash].js';
  const antd = vendor.some((id) => /node_modules[\\/](antd|@rc-component|@ant-design)[\\/]/.test(id));
  return antd ? 'assets/vendor-antd-[hash].js' : 'assets/vendor-[hash].js';
}

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [rruleDefaultExport(), react()],
  build: {
    outDir: path.resolve(webRoot, 'dist'),
    emptyOutDir: true,
    // The shared antd chunk (layout, form, select, modal, message …) is about 500 kB minified.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // Two pages: the console (index.html) and the citizens' phone pages (public.html, Preact, no antd).
      input: {
        main: path.resolve(webRoot, 'index.html'),
        public: path.resolve(webRoot, 'public.html'),
      },
      output: {
        chunkFileNames: chunkFileName,
        codeSplitting: { groups: VENDOR_GROUPS },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
      '/docs': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  preview: { port: 4173 },
});
