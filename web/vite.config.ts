import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Resolved from this file so the build works no matter which directory it is launched from.
const root = fileURLToPath(new URL('.', import.meta.url));
const backend = 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    // outDir sits inside root, which Vite would otherwise refuse to clear without this.
    emptyOutDir: true,
    rollupOptions: {
      output: {
        // Libraries change far less often than our pages; separate files let browsers keep them cached across releases.
        manualChunks(id) {
          if (!id.includes('/node_modules/')) return undefined;
          if (/\/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          if (/\/node_modules\/(i18next|react-i18next)\//.test(id)) return 'i18n';
          return 'antd';
        },
      },
    },
    // antd alone is ~800 kB minified (≈250 kB gzip); warning about it on every build would only train people to ignore warnings.
    chunkSizeWarningLimit: 1000,
  },
  server: {
    // The dev server only serves the UI; everything stateful lives in the Fastify app.
    proxy: {
      '/api': backend,
      '/health': backend,
      '/ready': backend,
      '/docs': backend,
    },
  },
});
