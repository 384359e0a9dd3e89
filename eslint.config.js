import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'stream', 'worker_threads'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-control-regex': 'off',
    },
  },
  {
    // Every repository and service is async since issue 13: a promise nobody awaits is a write
    // that may land after its transaction closed, or an error nobody sees. These rules need
    // types, so they run on main/ and test/ only (the renderer and scripts lint untyped, fast).
    files: ['main/**/*.ts', 'test/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // A promise-returning function handed to a place that ignores its result (an event
      // listener, forEach) loses its rejection; object properties and JSX attributes are
      // checked too. Arguments stay checked: that is where the mistakes are.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: true, attributes: true, properties: true, returns: true, variables: true } }],
      '@typescript-eslint/await-thenable': 'error',
      // A handler is async because the registry's type says so, not because it awaits.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          // expect(await p).rejects awaits the promise first: the test throws the rejection
          // itself instead of checking it (or, if p resolves, checks a value that is no promise).
          selector: "MemberExpression[property.name=/^(rejects|resolves)$/] > CallExpression.object[callee.name='expect'] > AwaitExpression.arguments",
          message: 'Give expect() the promise itself: expect(promise).rejects…, not expect(await promise).rejects…',
        },
      ],
    },
  },
  {
    // Build and test scripts run under Node.
    files: ['scripts/**/*.mjs', '*.js', '*.mjs'],
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', Buffer: 'readonly' },
    },
  },
  {
    // The runtime of every file is obvious from where it sits.
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only main/electron/ may import electron; keep services testable under Node.' }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3', ...nodeBuiltins],
          patterns: [{ group: ['node:*'], message: 'The renderer never imports Node.' }],
        },
      ],
    },
  },
);
