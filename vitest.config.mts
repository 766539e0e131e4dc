import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  plugins: [vue()],
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'tests/renderer/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
    env: { KEDAI_LOG: 'silent' },
  },
})
