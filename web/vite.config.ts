import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Resolved from this file so the build works no matter which directory it is launched from.
const root = fileURLToPath(new URL('.', import.meta.url));
const backend = 'http://127.0.0.1:3000';

/**
 * bpmn-js and the packages only it uses (clsx is left out: antd shares it). They form one
 * chunk that the case file loads on demand, so the inbox never downloads the viewer.
 */
const BPMN_PACKAGES = /\/node_modules\/(bpmn-js|bpmn-moddle|moddle|moddle-xml|saxen|diagram-js|diagram-js-direct-editing|@bpmn-io\/[^/]+|htm|preact|didi|inherits-browser|min-dash|min-dom|domify|object-refs|path-intersection|tiny-svg|ids)\//;

/**
 * The certificate and CMS libraries, what only they use, and our two modules built on them.
 * Only the signing pages need them, on demand (web/src/keys/loadPki.ts), so they form one
 * chunk of their own that the inbox never downloads.
 */
const PKI_MODULES = ['/web/src/keys/pki.ts', '/src/pki/cms.ts'];
const PKI_PACKAGES = /\/node_modules\/(@peculiar\/[^/]+|pkijs|asn1js|reflect-metadata|tsyringe|tslib|pvtsutils|pvutils|bytestreamjs|@noble\/hashes)\//;

/**
 * The build is always a production bundle, whatever NODE_ENV the calling process has: the
 * test runner builds with NODE_ENV=test, and Vite would then bundle React's and antd's
 * development code (and JSX compiled for react/jsx-dev-runtime) into web/dist, which a
 * later `npm start` serves as is. Set here rather than in process.env so the caller's
 * environment stays untouched.
 */
const productionBundle = {
  define: {
    'process.env.NODE_ENV': JSON.stringify('production'),
    'global.process.env.NODE_ENV': JSON.stringify('production'),
    'globalThis.process.env.NODE_ENV': JSON.stringify('production'),
  },
  esbuild: { jsxDev: false },
};

export default defineConfig(({ command }) => ({
  root,
  plugins: [react()],
  ...(command === 'build' ? productionBundle : {}),
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    // outDir sits inside root, which Vite would otherwise refuse to clear without this.
    emptyOutDir: true,
    rollupOptions: {
      output: {
        // Libraries change far less often than our pages; separate files let browsers keep them cached across releases.
        manualChunks(id) {
          // Our signing code goes with its libraries: one file that only the signing pages fetch.
          if (PKI_MODULES.some((module) => id.endsWith(module))) return 'pki';
          if (!id.includes('/node_modules/')) return undefined;
          if (/\/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          if (/\/node_modules\/(i18next|react-i18next)\//.test(id)) return 'i18n';
          if (BPMN_PACKAGES.test(id)) return 'bpmn';
          if (PKI_PACKAGES.test(id)) return 'pki';
          // antd itself apart from what it builds on (@rc-component/*, @ant-design/*, dayjs…), which never imports
          // antd back: two files under the size warning, without a cycle between them.
          if (/\/node_modules\/antd\//.test(id)) return 'antd';
          return 'antd-deps';
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
}));
