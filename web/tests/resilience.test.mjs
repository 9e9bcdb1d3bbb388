// The dashboard when things go wrong, against a server of its own (a copy of the test store, short
// sessions) that these tests stop and start: the server restarting under an open page (the page
// reconnects by itself and catches up), a session that expires, a user revoked while logged in, a
// stale page acting on a ticket that moved on (409 said plainly, the board refreshed).
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { readFileSync, existsSync, rmSync } from "node:fs";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";

const RCC = process.env.RCC_BINARY;
const DB = process.env.RCC_RESILIENCE_DB;
const WEB = process.env.RCC_WEB_DIST;
const OUT = process.env.RCC_WEB_OUT;
const TOKEN = process.env.RCC_ADMIN_TOKEN;
const PASSWORD = process.env.RCC_PASSWORD;
const SESSION_SECONDS = 6;
let server;
let base;
let browser;

function startServer(port) {
  const portFile = `${DB}.port`;
  rmSync(portFile, { force: true });
  const child = spawn(
    RCC,
    ["serve", "--db", DB, "--port", String(port), "--port-file", portFile, "--web", WEB, "--tick-ms", "200",
      "--session-seconds", String(SESSION_SECONDS)],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    const began = Date.now();
    const poll = () => {
      if (existsSync(portFile) && readFileSync(portFile, "utf8").trim()) {
        resolve({ child, port: Number(readFileSync(portFile, "utf8")) });
      } else if (Date.now() - began > 10000) reject(new Error("rcc serve did not start"));
      else setTimeout(poll, 50);
    };
    poll();
  });
}

async function stopServer() {
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill("SIGTERM");
  await exited;
}

async function api(method, path, body) {
  const r = await fetch(base + path, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, body: await r.json() };
}

async function logIn(user) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(base + "/");
  await page.fill("input[name=name]", user);
  await page.fill("input[name=password]", PASSWORD);
  await page.click("button[type=submit]");
  await page.waitForSelector("header nav");
  return page;
}

async function go(page, path) {
  await page.evaluate((p) => {
    history.pushState(null, "", p);
    dispatchEvent(new PopStateEvent("popstate"));
  }, path);
}

before(async () => {
  server = await startServer(0);
  base = `http://127.0.0.1:${server.port}`;
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
});
after(async () => {
  await browser?.close();
  if (server) await stopServer();
});

test("the page reconnects by itself when the server restarts, and catches up", async () => {
  const page = await logIn("lead.t");
  await go(page, "/board");
  await page.waitForSelector(".status-line >> text=Live");
  await stopServer();
  await page.waitForSelector(".status-line >> text=Reconnecting", { timeout: 5000 });
  await page.screenshot({ path: `${OUT}/board-reconnecting-1280x800.png` });
  server = await startServer(server.port);
  // A ticket opened while the page was away or right after: the page shows it once it is back.
  const opened = await api("POST", "/api/v1/tickets", { client: "najd", skill: "core.ims", priority: "P2", title: "after the restart" });
  assert.equal(opened.status, 201);
  await page.waitForSelector(".status-line >> text=Live", { timeout: 10000 });
  await page.waitForSelector(`.ticket-row[data-ticket="${opened.body.id}"]`, { timeout: 5000 });
  await page.context().close();
});

// Someone with core.ims on shift right now, so that new tickets are assigned as they arrive.
async function staffNow() {
  const now = Date.now();
  const pkt = (ms) => new Date(ms + 5 * 3600e3).toISOString().slice(0, 10); // the center is in Asia/Karachi
  const types = [["M", "06:00"], ["G", "09:00"], ["E", "14:00"], ["N", "22:00"]];
  let shift;
  for (const date of [pkt(now - 86400e3), pkt(now)]) {
    for (const [type, start] of types) {
      const from = Date.parse(`${date}T${start}:00+05:00`);
      if (from <= now && now + 3600e3 < from + 540 * 60e3) shift = { date, shift: type };
    }
  }
  for (const e of (await api("GET", "/api/v1/engineers?skill=core.ims")).body.items) {
    const published = await api("POST", "/api/v1/rosters", { shifts: [{ engineer: e.id, skill: "core.ims", ...shift }] });
    if (published.status === 201) return e.id;
  }
  throw new Error("nobody with core.ims could be put on shift now");
}

test("a stale page acting on a ticket that moved on is told so, and the board is refreshed", async () => {
  const engineer = await staffNow();
  const page = await logIn("lead.t");
  // The page hears no live changes, so it still shows the ticket as it was.
  await page.route("**/api/v1/stream", (route) => route.abort());
  await go(page, "/board");
  const opened = await api("POST", "/api/v1/tickets", { client: "najd", skill: "core.ims", priority: "P3", title: "moves on" });
  for (let i = 0; i < 50 && (await api("GET", `/api/v1/tickets/${opened.body.id}`)).body.status !== "assigned"; ++i) {
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal((await api("GET", `/api/v1/tickets/${opened.body.id}`)).body.engineer, engineer);
  await page.reload();
  const row = page.locator(`.ticket-row[data-ticket="${opened.body.id}"]`);
  await row.locator("button", { hasText: "Accept" }).waitFor();
  assert.equal((await api("POST", `/api/v1/tickets/${opened.body.id}/accept`)).status, 200);
  await row.locator("button", { hasText: "Accept" }).click();
  await page.waitForSelector(`[role=alert] >> text=Ticket ${opened.body.id} moved on meanwhile`);
  await row.locator("text=in progress").waitFor({ timeout: 5000 });
  await page.screenshot({ path: `${OUT}/board-stale-1280x800.png` });
  await page.context().close();
});

test("an expired session sends the page back to the login, saying why", async () => {
  const page = await logIn("planner.t");
  // The staffing view holds no live stream, so only the next request finds out.
  await page.click("header nav >> text=Staffing and hiring");
  await page.waitForSelector("h1 >> text=Staffing and hiring");
  await page.waitForTimeout(SESSION_SECONDS * 1000 + 500);
  await page.click("header nav >> text=Roster");
  await page.waitForSelector("text=Your session has ended", { timeout: 5000 });
  await page.waitForSelector("input[name=password]");
  await page.context().close();
});

test("a user revoked while logged in is logged out at once, the open stream ended", async () => {
  const page = await logIn("engineer.t");
  await page.waitForSelector(".status-line >> text=Live");
  execFileSync(RCC, ["user", "revoke", "engineer.t", "--db", DB], { stdio: "ignore" });
  // Without any click: the server ends the page's stream, and the page asks to log in.
  await page.waitForSelector("text=Your session has ended", { timeout: 3000 });
  await page.fill("input[name=name]", "engineer.t");
  await page.fill("input[name=password]", PASSWORD);
  await page.click("button[type=submit]");
  await page.waitForSelector("[role=alert] >> text=Wrong name or password");
  await page.context().close();
});
