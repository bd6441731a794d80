import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', 'test-output/', 'server/db/migrations/', 'client/src/shared/locales/', 'client/src/shared/locale-codes.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // Layering: the pure packages never reach into the app layers.
    files: ['scoring/**/*.ts', 'surveys/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/client/**', '#server/*', '#client/*', '#test/*', '#bench/*'],
              message: 'scoring/ and surveys/ are pure: import neither server nor client.',
            },
            {
              group: [
                'express',
                'pg',
                'drizzle-orm',
                'drizzle-orm/*',
                '@electric-sql/*',
                'node:fs',
                'fs',
                'node:path',
              ],
              message: 'scoring/ and surveys/ are pure: no I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    // The client may read the API's payload types, never server code.
    files: ['client/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '#server/*'],
              allowTypeImports: true,
              message: 'client/ may import only types from server/api-types.ts.',
            },
          ],
        },
      ],
    },
  },
);
