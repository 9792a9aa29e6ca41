// Lint: typescript-eslint's recommended rules, and the import boundaries of
// docs/architecture.md written as rules, so a violation fails `npm test`:
//   - nothing below the edges (domain folders, db, analysis) imports web, api, http, cli or jobs;
//   - analysis (pure text functions) imports no db;
//   - only the edges (cli, jobs, main) build the app context;
//   - no import cycles.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const EDGES = [
  './src/web',
  './src/api',
  './src/http',
  './src/cli',
  './src/jobs',
  './src/metrics',
  './src/server.tsx',
  './src/main.ts',
];
const DOMAIN = [
  './src/analysis',
  './src/catalog',
  './src/curation',
  './src/db',
  './src/demo',
  './src/images',
  './src/ingest',
  './src/mail',
  './src/members',
  './src/search',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist.*/',
      'data/',
      'test-artifacts/',
      'bench/.cache/',
      'bench/.diag/',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          caughtErrors: 'none',
        },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-control-regex': 'off',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: DOMAIN,
              from: EDGES,
              message: 'Domain code never imports the edges (web, api, http, cli, jobs): pass what it needs in.',
            },
            { target: './src/analysis', from: './src/db', message: 'analysis/ is pure text functions: no database.' },
            {
              target: [...DOMAIN, './src/web', './src/api', './src/http', './src/metrics'],
              from: './src/app.ts',
              message:
                'Only the edges (cli, jobs, main) build the app context; everything below is passed what it needs.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'src/test-support/**', 'e2e/**', 'bench/**'],
    rules: { 'import-x/no-restricted-paths': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Migrations work on tables as they were at each step, which the typed schema (db/schema.ts) does not describe.
    files: ['src/db/migrate.ts', 'src/db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
