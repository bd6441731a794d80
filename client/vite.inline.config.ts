import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { bundleBudget } from './bundle-budget.js';
import { catalogueSubset } from './catalogue-subset.js';

const root = fileURLToPath(new URL('.', import.meta.url));

// The answering pages as one self-contained script (no imports, no chunks), which the server inlines into
// the survey document under a CSP hash (server/http/survey-inline.ts): on a slow phone network each further
// request costs a round trip (about 560 ms on "slow 4G"), so the page paints from its HTML alone.
// Built after client/vite.config.ts, into a folder of its own (not served as a static file).

// A bundle holding </script, <script or <!-- would end or change the inline element: the build fails here
// rather than the server refusing it at run time (survey-inline.ts).
const inlineSafe: Plugin = {
  name: 'inline-safe',
  generateBundle(_options, bundle) {
    for (const file of Object.values(bundle))
      if (file.type === 'chunk' && /<\/script|<!--|<script/i.test(file.code))
        this.error(`${file.fileName} contains </script, <script or <!-- and cannot be inlined in a document`);
  },
};

export default defineConfig({
  root,
  build: {
    outDir: fileURLToPath(new URL('../dist/answer-inline', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    copyPublicDir: false,
    modulePreload: false,
    rollupOptions: {
      input: { 'survey-inline': fileURLToPath(new URL('src/answer/main.ts', import.meta.url)) },
      // A classic script (iife), so that it runs as soon as it is parsed, while the survey data after it still arrives.
      output: { format: 'iife', inlineDynamicImports: true, entryFileNames: 'answer.js' },
    },
  },
  plugins: [catalogueSubset('answer.'), inlineSafe, bundleBudget({ 'survey-inline': 100 })],
});
