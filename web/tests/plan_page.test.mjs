// plan.html as `rcc plan --out` writes it (tests/run.sh makes it): opened from the file system in
// chromium with every network request refused, it draws its charts with no console error or
// request, shows the plan's own figures, and prints to A4. PNG and PDF go to the test output.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";

const DIR = process.env.RCC_PLAN_DIR;
const OUT = process.env.RCC_WEB_OUT;
let browser;

before(async () => {
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
});
after(async () => browser?.close());

test("plan.html opens offline, draws the plan's charts and prints to A4", async () => {
  const plan = JSON.parse(readFileSync(`${DIR}/plan.json`, "utf8"));
  const context = await browser.newContext({ viewport: { width: 900, height: 1200 } });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(e.message));
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:") || url.startsWith("data:")) return route.continue();
    requests.push(url);
    return route.abort();
  });
  await page.goto(`file://${DIR}/plan.html`);
  await page.waitForSelector("h1 >> text=Plan: ");
  await page.waitForFunction(() => document.querySelectorAll(".chart canvas").length >= 4);
  const jobs = await page.locator(".tile", { hasText: "Jobs created" }).locator(".value").innerText();
  assert.equal(jobs, String(plan.staffing.jobs_created));
  const engineers = await page.locator(".tile", { hasText: "Engineers" }).first().locator(".value").innerText();
  assert.equal(engineers, String(plan.capacity.engineers));
  await page.screenshot({ path: `${OUT}/plan-html.png`, fullPage: true });
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  writeFileSync(`${OUT}/plan.pdf`, pdf);
  assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 2, `the plan prints on ${pages} A4 page(s)`);
  assert.deepEqual(problems, [], "console errors");
  assert.deepEqual(requests, [], "network requests");
  await context.close();
});
