import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Data from the network is rendered as text only; never as HTML.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render text with Preact; never inject HTML.' },
        { property: 'outerHTML', message: 'Render text with Preact; never inject HTML.' },
        { property: 'insertAdjacentHTML', message: 'Render text with Preact; never inject HTML.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render text with Preact; never inject HTML.',
        },
      ],
    },
  },
  {
    // The popup's first paint and the content script on every claude.ai page load no polyfill:
    // WXT's auto-imported `browser` would bring it in. Use the popup's `ext` or `lib/storage/raw`.
    files: ['entrypoints/popup/**', 'entrypoints/claude.content/**', 'components/PageMeter.tsx'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: 'Use ./ext (popup) or extensionApi() (content script).' },
      ],
      'no-restricted-imports': [
        'error',
        {
          name: 'wxt/browser',
          allowTypeImports: true,
          message: 'Use ./ext (popup) or extensionApi() (content script).',
        },
      ],
    },
  },
);
