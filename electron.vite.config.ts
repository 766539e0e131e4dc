import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

// Three builds: the main process (the Electron shell and the browser-mode host share core),
// the sandboxed preload (CommonJS, so a sandboxed window can load it), and the renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/app/main.ts'),
          web: resolve(__dirname, 'src-main/web/main.ts'),
          'core-worker': resolve(__dirname, 'src-main/core/worker/core-worker.ts'),
          'demo-worker': resolve(__dirname, 'src-relay/demo/demo-worker.ts'),
          relay: resolve(__dirname, 'src-relay/relay/main.ts'),
          emulator: resolve(__dirname, 'src-relay/emulator/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'src-main/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
    plugins: [vue()],
    // vue-i18n: Composition API only, no devtools hooks in the shipped bundle.
    define: {
      __VUE_I18N_FULL_INSTALL__: 'false',
      __VUE_I18N_LEGACY_API__: 'false',
      __INTLIFY_PROD_DEVTOOLS__: 'false',
    },
  },
})
