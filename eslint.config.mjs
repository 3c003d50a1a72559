// ESLint for every TypeScript project of the repository, with typescript-eslint's
// recommended type-checked rules (as VS Code's extension template sets them up),
// plus the layering rules the build cannot say: code outside server/ reaches the
// spec engine only through server/src/index.ts, and the cluster library and the
// CLI never import vscode.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ENGINE_INTERNALS = {
  group: ['**/server/src/*', '!**/server/src/index'],
  message: 'Outside server/, use the spec engine through its public entry, server/src (index.ts).',
};
const NO_VSCODE = { name: 'vscode', message: 'The cluster library and the CLI run without VS Code: no vscode import here.' };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'server/src/agents/generated/**', 'bench/.generated/**', '.cache/**', '.vscode-test/**', 'client/lib-guard/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // node:test's describe/test return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': ['error', {
        allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'test', 'it', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }],
      }],
    },
  },
  {
    files: ['client/**/*.ts', 'cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ENGINE_INTERNALS] }] },
  },
  {
    files: ['client/src/remote/**/*.ts', 'client/src/cluster/**/*.ts', 'cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_VSCODE], patterns: [ENGINE_INTERNALS] }] },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly', Buffer: 'readonly', fetch: 'readonly', AbortSignal: 'readonly' } },
  },
);
