// The roster view at scale, measured and not asserted: a generated center of 1,000 engineers with
// a 13-week roster published (tests/run.sh builds it), opened in chromium. Written to
// measurements.json beside the dashboard's: first render of the grid, the slowest interaction
// (INP-like: the longest event duration) over clicks and arrow-key moves, and frames per second
// while scrolling down and across. The checks are that the grid is whole (every engineer and day
// reachable) and that the keyboard moves the active cell.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";

const BASE = process.env.RCC_BASE;
const OUT = process.env.RCC_WEB_OUT;
const PASSWORD = process.env.RCC_PASSWORD;
const file = `${OUT}/measurements.json`;
const measured = {};
let browser;

before(async () => {
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
});
after(async () => {
  await browser?.close();
  const all = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  writeFileSync(file, JSON.stringify({ ...all, ...measured }, null, 2) + "\n");
  console.log("measurements:", JSON.stringify(measured));
});

async function scrollFps(page, dx, dy) {
  return page.evaluate(
    ([dx, dy]) =>
      new Promise((resolve) => {
        const box = document.querySelector(".roster-grid");
        let frames = 0;
        const start = performance.now();
        const step = () => {
          frames += 1;
          box.scrollTop += dy;
          box.scrollLeft += dx;
          if (performance.now() - start < 2000) requestAnimationFrame(step);
          else resolve(Math.round((frames * 1000) / (performance.now() - start)));
        };
        requestAnimationFrame(step);
      }),
    [dx, dy],
  );
}

// The active cell is drawn, named by the grid and marked (the grid follows it a frame later).
async function activeIs(page, id) {
  await page.waitForFunction(
    (id) => {
      const grid = document.querySelector(".roster-grid");
      return grid.getAttribute("aria-activedescendant") === id && document.getElementById(id)?.classList.contains("active");
    },
    id,
    { timeout: 3000 },
  );
}

test("measured: the roster grid of 1,000 engineers × 13 weeks", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(BASE + "/");
  await page.fill("input[name=name]", "planner.t");
  await page.fill("input[name=password]", PASSWORD);
  await page.click("button[type=submit]");
  await page.waitForSelector("header nav");
  await page.evaluate(() => {
    window.slowest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.slowest = Math.max(window.slowest, e.duration);
    }).observe({ type: "event", buffered: true, durationThreshold: 16 });
  });
  const began = Date.now();
  await page.click("header nav >> text=Roster");
  await page.waitForSelector(".roster-row .cell");
  measured.roster_1000x13_first_render_ms = Date.now() - began;
  const grid = page.locator(".roster-grid");
  assert.equal(await grid.getAttribute("aria-rowcount"), "1001");
  assert.equal(await grid.getAttribute("aria-colcount"), String(13 * 7 + 1));
  measured.roster_1000x13_cells_in_page = await page.locator(".roster-row .cell").count();

  for (let i = 0; i < 6; ++i) {
    await page.locator(".roster-row .cell").nth(40 * i + 3).click();
    await page.waitForSelector(".explanation >> text=Who could work");
  }
  await page.keyboard.press("Escape");
  await grid.focus();
  await page.keyboard.press("Control+Home");
  for (let i = 0; i < 10; ++i) await page.keyboard.press("ArrowDown");
  for (let i = 0; i < 10; ++i) await page.keyboard.press("ArrowRight");
  await activeIs(page, "roster-cell-10-10");
  await page.keyboard.press("Control+End");
  await activeIs(page, `roster-cell-999-${13 * 7 - 1}`);
  await page.keyboard.press("Enter");
  await page.waitForSelector(".explanation h2 >> text=on");
  await page.keyboard.press("Escape");
  await page.waitForTimeout(300);
  measured.roster_1000x13_slowest_interaction_ms = Math.round(await page.evaluate(() => window.slowest));

  await page.keyboard.press("Control+Home");
  measured.roster_1000x13_scroll_down_fps = await scrollFps(page, 0, 120);
  await page.keyboard.press("Control+Home");
  measured.roster_1000x13_scroll_across_fps = await scrollFps(page, 60, 0);
  await page.screenshot({ path: `${OUT}/roster-1000x13-1280x800.png` });
  assert.deepEqual(problems, []);
  await context.close();
});
