import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const alias = { '@shared': resolve(import.meta.dirname, 'src-shared') };

/**
 * One build for the three parts Electron needs plus what plain Node runs:
 *  - main: the Electron shell (electron.js), the CLI (cli.js) that `clearline` and
 *    `clearline serve` run under Node, and the core worker thread (core-worker.js);
 *  - preload: sandboxed, so a single CommonJS file with no imports at run time;
 *  - renderer: the React console, served by Electron or by `clearline serve`.
 * Dependencies stay external in main (native modules must); FEEL is bundled later by listing it.
 */
export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          electron: resolve(import.meta.dirname, 'src-main/electron/main.ts'),
          cli: resolve(import.meta.dirname, 'src-main/cli/main.ts'),
          'core-worker': resolve(import.meta.dirname, 'src-main/core/worker/core-worker.ts'),
        },
        // Shared code goes into chunks beside the entries (not a chunks/ folder), so that
        // `new URL('./core-worker.js', import.meta.url)` means the same from any chunk.
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve(import.meta.dirname, 'src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src-renderer'),
    resolve: { alias },
    plugins: [react()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      minify: true,
      rollupOptions: { input: resolve(import.meta.dirname, 'src-renderer/index.html') },
    },
  },
});
