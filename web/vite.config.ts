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
 * The designer's modeler extensions and what only they use (web/src/designer, loaded on
 * demand by the designer page): the properties panel, bpmnlint, the differ, the Camunda
 * moddle and behaviours. Checked before BPMN_PACKAGES, which would otherwise take the
 * @bpmn-io ones, so the case file's viewer chunk stays as small as it was. The designer's
 * chunks import each other one way only (element-templates → designer → codemirror → bpmn,
 * and dmn → designer); each stays under the size warning.
 */
const DESIGNER_PACKAGES =
  /\/node_modules\/(bpmn-js-properties-panel|bpmn-js-bpmnlint|bpmnlint|bpmnlint-utils|bpmn-js-differ|camunda-bpmn-js-behaviors|camunda-bpmn-moddle|zeebe-bpmn-moddle|@bpmn-io\/(?!diagram-js-ui\/)[^/]+|focus-trap|tabbable|classnames|array-move)\//;

/** Element templates with their JSON-schema validator: they build on the properties panel, never the other way round. */
const TEMPLATE_PACKAGES = /\/node_modules\/(bpmn-js-element-templates|@bpmn-io\/element-templates-validator|uuid|semver-compare)\//;

/** The properties panel's FEEL and template-string editors (CodeMirror): a chunk of their own, under the size warning. */
const EDITOR_PACKAGES =
  /\/node_modules\/(@bpmn-io\/(feel-editor|feelers-editor|feel-lint|feelers-lint|feel-analyzer|lang-feel|lang-feelers|lezer-feel|lezer-feelers|cm-theme|semver-compat)|@camunda\/[^/]+|@codemirror\/[^/]+|@lezer\/[^/]+|@marijn\/[^/]+|crelt|style-mod|w3c-keyname|mitt|feelin|feelers|luxon)\//;

/** dmn-js and what only it uses: the decision-table editor, on demand too. */
const DMN_PACKAGES = /\/node_modules\/(dmn-js[^/]*|dmn-moddle|camunda-dmn-moddle|table-js|inferno|css\.escape|escape-html|selection-ranges|selection-update)\//;

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
          if (EDITOR_PACKAGES.test(id)) return 'codemirror';
          if (TEMPLATE_PACKAGES.test(id)) return 'element-templates';
          if (DESIGNER_PACKAGES.test(id)) return 'designer';
          if (DMN_PACKAGES.test(id)) return 'dmn';
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
