// Type-aware linting: the promise rules catch the bugs that matter in async service code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // A module never reaches into another module's repo: it calls that module's service.
    files: ['src/modules/**/*.ts'],
    ignores: ['src/modules/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*/*.repo.ts', '../*/*.repo'],
              message: "Call the other module's service, not its repo.",
            },
          ],
        },
      ],
    },
  },
  {
    // Only repos, the platform's database code, migrations and test support talk to Kysely.
    files: ['src/modules/**/*.ts'],
    ignores: ['src/modules/**/*.repo.ts', 'src/modules/**/*.tables.ts', 'src/modules/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'kysely',
              message: 'Only *.repo.ts files import kysely (types are allowed via import type).',
              allowTypeImports: true,
            },
          ],
          patterns: [
            {
              group: ['../*/*.repo.ts', '../*/*.repo'],
              message: "Call the other module's service, not its repo.",
            },
          ],
        },
      ],
    },
  },
);
