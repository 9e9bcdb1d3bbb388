// The dashboard's build: Preact's JSX, content-hashed assets under /assets/ (rcc serve caches them
// for good), no inline script or style, so the server's strict CSP holds. `npm run dev` proxies
// the API to a local `rcc serve`.
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
