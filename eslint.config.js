// Type-aware lint. The domain folder is pure (DESIGN §3): no I/O modules, no clock, no randomness, no process.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const impureModules = [
  'fs',
  'net',
  'http',
  'https',
  'child_process',
  'worker_threads',
  'os',
  'crypto',
].flatMap((name) => [name, `node:${name}`, `${name}/*`, `node:${name}/*`]);

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'eslint.config.js', '.dependency-cruiser.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use an `as const` object.' },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: impureModules, patterns: impureModules }],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The domain is pure: pass values in.' },
        { name: 'setTimeout', message: 'The domain is pure: time comes in as an argument.' },
        { name: 'setInterval', message: 'The domain is pure: time comes in as an argument.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The domain is pure: `now` comes in as an argument.' },
        { object: 'Math', property: 'random', message: 'Randomness comes from an injected seeded source.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use an `as const` object.' },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'No wall clock in the domain.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    // The domain has its own, stricter block above; listing it here too would replace that block's rule.
    ignores: ['src/cli/**', 'src/config/**', 'src/domain/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Only src/cli touches process (DESIGN §3).' },
      ],
    },
  },
  {
    // better-sqlite3 is synchronous; the Store port is async for PostgreSQL, so these methods await nothing.
    files: ['src/store/sqlite/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    // Fastify's handlers and hooks are async functions by contract; some have nothing to await.
    files: ['src/api/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    // The dashboard (web/): React's rules of hooks, and the browser's globals instead of Node's.
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-globals': ['error', { name: 'process', message: 'The dashboard runs in a browser.' }],
    },
  },
  {
    // HTTP tests read JSON bodies: their shapes are what the assertions check, not what the compiler knows.
    files: ['test/api/**/*.ts', 'test/dashboard/**/*.ts', 'test/providers/*.e2e.test.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
