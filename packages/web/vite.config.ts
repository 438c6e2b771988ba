import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// The dev server forwards API calls and the live socket to a Pulse started with `npm start`.
const PULSE_BACKEND = 'http://127.0.0.1:7655';

const proxy = {
  '/api': { target: PULSE_BACKEND },
  '/ws': { target: PULSE_BACKEND, ws: true },
};

export default defineConfig({
  plugins: [solid(), tailwindcss()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill is only needed by browsers older than the ES2022 target.
    modulePreload: { polyfill: false },
  },
});
