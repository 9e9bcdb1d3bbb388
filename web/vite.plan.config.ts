// plan.html for `rcc plan --out`: the page, its script, styles and chart library in one file
// (dist-plan/plan.html) that opens offline; rcc fills the plan's JSON into it.
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";
import { viteSingleFile } from "vite-plugin-singlefile";

export default defineConfig({
  plugins: [preact(), viteSingleFile({ removeViteModuleLoader: true })],
  build: {
    outDir: "dist-plan",
    emptyOutDir: true,
    rollupOptions: { input: "plan.html" },
    chunkSizeWarningLimit: 2000,
  },
});
