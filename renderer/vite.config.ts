import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The renderer build. No plugin is needed: Vite 8's oxc transform compiles .tsx with the
 * automatic JSX runtime ("jsx": "react-jsx" in tsconfig.json).
 * The output must satisfy the app's Content-Security-Policy (script-src 'self';
 * style-src 'self'): no inline scripts or styles, so the module-preload polyfill (an
 * inline script) is off and CSS stays in files.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    sourcemap: false,
    target: 'chrome130',
  },
});
