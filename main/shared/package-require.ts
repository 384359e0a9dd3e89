import { createRequire } from 'node:module';

/**
 * A `require` that resolves packages from this file's place, in both ways the main code runs:
 * bundled to CommonJS by esbuild (the Electron main process, out/main/index.cjs), where
 * `__filename` is the bundle, and as ES modules under tsx (the command line, the bridge, the
 * benches: package.json says "type": "module"), where there is no `__filename` and
 * `import.meta.url` is the file. (esbuild's CommonJS output leaves import.meta empty, which is
 * why `__filename` is asked first.)
 */
export function packageRequire(): NodeRequire {
  return createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
}
