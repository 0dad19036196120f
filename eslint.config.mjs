import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/**
 * Module boundaries (see docs/architecture.md):
 * - apps depend on libs, never the reverse; nothing depends on an app;
 * - web code and server code never import each other; both may import contracts;
 * - contracts import nothing;
 * - only data-access code (libs/server/database) touches TypeORM.
 */
const TYPEORM_ONLY_IN_DATA_ACCESS = [
  { name: 'typeorm', message: 'Only repositories and migrations (libs/server/database) touch TypeORM.' },
  { name: '@nestjs/typeorm', message: 'Only repositories (libs/server/database) touch TypeORM.' },
];
/** The web client's feature folders (apps/web/src/<feature>); shared/ is the kernel they all use. */
const WEB_FEATURES = '(auth|coding|home|interview|layout|progress|question-bank|reports|resumes|review|session|tracks)';
const TESTING_ONLY_IN_TESTS = { name: '@mockroom/server-testing', message: 'Test helpers are for tests only.' };

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/*.js', '**/*.mjs', '**/*.cjs', 'tmp/**', '.nx/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx, '@typescript-eslint': tseslint.plugin },
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'], bannedExternalImports: ['*'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            {
              sourceTag: 'scope:web',
              onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'],
              bannedExternalImports: [
                '@nestjs/*',
                'typeorm',
                'pg',
                'bullmq',
                'ioredis',
                '@node-rs/argon2',
                'openai',
                'livekit-server-sdk',
              ],
            },
            {
              sourceTag: 'scope:server',
              onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'],
              bannedExternalImports: ['react', 'react-dom', 'react-router', 'livekit-client'],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:feature',
                'type:contracts',
                'type:domain',
                'type:data-access',
                'type:util',
                'type:testing',
              ],
            },
            // Whole-product tests may use the pure domain libraries (the bank's content, word error rate), never server internals.
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:testing', 'type:util'],
            },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: [
                'type:contracts',
                'type:domain',
                'type:data-access',
                'type:util',
                'type:testing',
              ],
            },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:util'],
              bannedExternalImports: ['typeorm', '@nestjs/typeorm', 'pg'],
            },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:util', 'type:data-access'],
            },
            {
              sourceTag: 'type:util',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:util'],
              bannedExternalImports: ['typeorm', '@nestjs/typeorm'],
            },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:data-access', 'type:domain'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      'no-restricted-imports': ['error', { paths: [...TYPEORM_ONLY_IN_DATA_ACCESS, TESTING_ONLY_IN_TESTS] }],
    },
  },
  {
    // The web client's features import another feature only through its index.ts (see apps/web/README.md).
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...TYPEORM_ONLY_IN_DATA_ACCESS, TESTING_ONLY_IN_TESTS],
          patterns: [
            {
              regex: `^(\\.\\./)+${WEB_FEATURES}/`,
              message: 'Import another feature through its index.ts, not its files.',
            },
          ],
        },
      ],
    },
  },
  {
    // The web kernel (shared/) imports no feature at all.
    files: ['apps/web/src/shared/*/**/*.ts', 'apps/web/src/shared/*/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...TYPEORM_ONLY_IN_DATA_ACCESS, TESTING_ONLY_IN_TESTS],
          patterns: [
            { regex: `^\\.\\./\\.\\./${WEB_FEATURES}(/|$)`, message: 'The kernel (shared/) imports no feature.' },
          ],
        },
      ],
    },
  },
  {
    // Tests may use the testing helpers (still not TypeORM).
    // Tests, and the benchmarks' harness (it starts the product the way the tests do).
    files: ['**/*.spec.ts', '**/test/**/*.ts', 'apps/e2e/**/*.ts', 'apps/bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: TYPEORM_ONLY_IN_DATA_ACCESS }] },
  },
  {
    // The data-access layer is where TypeORM lives.
    files: ['libs/server/database/**/*.ts', 'libs/server/testing/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
