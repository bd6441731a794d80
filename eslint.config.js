import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Layering (README.md#layering). The TypeScript configs enforce the same from the other side:
// api/, scoring/, surveys/ compile without Node or DOM types and client/src without Node types, and a
// project cannot import a file of a project it does not reference. test/tooling/layering.test.ts
// proves every rule here and there fires on a deliberately bad file.
const NODE = ['node:*', ...builtinModules];
const NODE_GLOBALS = [
  'process',
  'Buffer',
  '__dirname',
  '__filename',
  'require',
  'module',
  'global',
  'setImmediate',
].map((name) => ({
  name,
  message: 'Pure and browser code has no Node globals: take the value as a parameter.',
}));
const APP_LIBS = [
  'express',
  'express-*',
  'pg',
  'drizzle-orm',
  'drizzle-orm/*',
  '@electric-sql/*',
  'pino',
  'helmet',
  'exceljs',
];

/** `no-restricted-imports` for a folder that may import only the given `#aliases` (and npm packages). */
function onlyImports(folder, aliases, extra = []) {
  return {
    files: [`${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // gitignore syntax: a leading # starts a comment, so it is escaped.
              group: ['\\#*/**', ...aliases.map((a) => `!#${a}/**`)],
              message: `${folder}/ may import only ${aliases.map((a) => `#${a}/`).join(', ')}.`,
            },
            {
              group: ['../*', '**/../*'],
              message: 'Import across folders through #aliases, never ../ paths.',
            },
            { group: NODE, message: `${folder}/ runs in the browser too: no Node modules.` },
            ...extra,
          ],
        },
      ],
      'no-restricted-globals': ['error', ...NODE_GLOBALS],
    },
  };
}
// Functions that build an error or a field error from a bilingual text.
const ERROR_HELPERS =
  '^(fieldError|badRequest|badField|notFound|notFoundError|invalid|rowError|problem|field)$';
const noAppLibs = { group: APP_LIBS, message: 'Pure packages do no I/O: no server libraries.' };

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'data/',
      'coverage/',
      'test-output/',
      '.tsbuild/',
      'server/db/migrations/',
      'client/src/shared/locales/',
      'client/src/shared/locale-codes.ts',
      'test/tooling/fixtures/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*', '**/../*'],
              message: 'Import across folders through #aliases (package.json "imports"), never ../ paths.',
            },
          ],
        },
      ],
      // Signals, not gates: long or branchy functions want splitting into named steps.
      complexity: ['warn', 20],
      'max-lines-per-function': ['warn', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Test suites are long describe() callbacks by nature.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'max-lines-per-function': 'off', complexity: 'off' },
  },
  {
    // One message catalogue (server/http/messages/): an error's text is looked up by its code,
    // never written inline where the error is thrown.
    files: ['server/**/*.ts'],
    ignores: ['server/http/messages/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `:matches(NewExpression[callee.name=/Error$/], CallExpression[callee.name=/${ERROR_HELPERS}/]) > ObjectExpression:has(> Property[key.name='vi'])`,
          message: 'Error texts live in server/http/messages/: use serverMessage(code, params).',
        },
      ],
    },
  },
  onlyImports('api', ['api'], [noAppLibs]),
  onlyImports('scoring', ['api', 'scoring'], [noAppLibs]),
  onlyImports('surveys', ['api', 'surveys'], [noAppLibs]),
  // The browser reads the contract and the pure packages, never server, test or bench code.
  onlyImports('client/src', ['api', 'surveys', 'scoring', 'client'], [noAppLibs]),
);
