import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { bundleBudget } from './bundle-budget.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

// One entry per face of the product, each with its own JavaScript budget (gzip KB).
export default defineConfig({
  root,
  build: {
    outDir: fileURLToPath(new URL('../dist/client', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: { index: page('index.html'), survey: page('survey.html'), admin: page('admin.html') },
    },
  },
  plugins: [bundleBudget({ index: 150, survey: 100 })],
  server: { port: 5173 },
});
