// Lint for the whole tree: type-aware TypeScript rules (floating promises are errors), Vue's
// recommended rules, and the globals each runtime folder may use.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'
import globals from 'globals'

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'test-results/', 'playwright-report/', '.electron-native/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.{ts,mts,vue}'],
    languageOptions: {
      parser: vueParser,
      parserOptions: {
        parser: tseslint.parser,
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.vue'],
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
      'vue/no-v-html': 'error',
      'vue/multi-word-component-names': 'off',
      // Prettier formats templates; these three would fight it.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  // Pure shared code: no Node, DOM or Electron globals.
  { files: ['src-shared/**/*.ts'], languageOptions: { globals: {} } },
  { files: ['src-renderer/**/*.{ts,vue}'], languageOptions: { globals: globals.browser } },
  {
    files: ['src-main/**/*.ts', 'src-relay/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.{ts,mjs}'],
    languageOptions: { globals: globals.node },
  },
  // Plain JavaScript scripts: no type information to lint with; they talk on the console.
  { files: ['scripts/**/*.mjs', '*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['scripts/**/*.mjs', '*.mjs'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
)
