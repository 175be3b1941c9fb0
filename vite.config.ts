import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is served from dist/renderer by both hosts (loopback HTTP and Electron's app://),
// so every asset URL is relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
