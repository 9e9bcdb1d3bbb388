#!/usr/bin/env node
// Live ticket traffic for the demo center: tickets arrive as the forecast says for the current
// hour of the week (Poisson arrivals, time sped up by --speed), the live dispatcher routes them
// to engineers on shift, and those engineers accept, sometimes wait on the client, and resolve
// them after about their mean handle time. Usage:
//   demo-traffic.mjs --base URL --token ADMIN_TOKEN --forecast data/sample/forecast.json [--speed 20]
import { readFileSync } from "node:fs";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const base = args.base;
const speed = Number(args.speed ?? 20);
const series = JSON.parse(readFileSync(args.forecast, "utf8")).series;
const headers = { Authorization: `Bearer ${args.token}`, "Content-Type": "application/json" };
const PRIORITIES = ["P1", "P2", "P3", "P4"];
const TITLES = ["Cell outage", "KPI degradation", "Alarm storm", "Link flapping", "Config rollback", "Capacity alarm", "Customer complaint", "License expiry"];

async function call(method, path, body) {
  try {
    const r = await fetch(base + path, { method, headers, body: body && JSON.stringify(body) });
    return r.ok ? r.json() : null;
  } catch {
    return null; // the server is restarting or stopping: try again on the next beat
  }
}

function hourOfWeek() {
  const pk = new Date(Date.now() + 5 * 3600 * 1000); // Pakistan time, no DST
  return ((pk.getUTCDay() + 6) % 7) * 24 + pk.getUTCHours();
}

function pick(weights) {
  let r = Math.random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; ++i) if ((r -= weights[i]) <= 0) return i;
  return weights.length - 1;
}

const handle = new Map(); // ticket id -> mean handle minutes
const beatSeconds = 0.5;
async function beat() {
  const h = hourOfWeek();
  for (const s of series) {
    const expected = (s.arrivals_per_hour[h] / 3600) * speed * beatSeconds;
    if (Math.random() < expected) {
      const t = await call("POST", "/api/v1/tickets", {
        client: s.client,
        skill: s.skill,
        priority: PRIORITIES[pick(s.priority_mix)],
        title: `${TITLES[Math.floor(Math.random() * TITLES.length)]} (${s.skill})`,
      });
      if (t) handle.set(t.id, s.mean_handle_minutes);
    }
  }
}

// Engineers at work: each beat, tickets move on with the chances their handle time implies.
async function work() {
  const page = await call("GET", "/api/v1/tickets?limit=500");
  for (const t of page?.items ?? []) {
    const minutes = (handle.get(t.id) ?? 45) / speed;
    const chance = beatSeconds / 60 / minutes;
    if (t.status === "assigned" && Math.random() < chance * 6) await call("POST", `/api/v1/tickets/${t.id}/accept`);
    else if (t.status === "in_progress" && Math.random() < chance * 0.15) await call("POST", `/api/v1/tickets/${t.id}/wait-on-client`);
    else if (t.status === "waiting_on_client" && Math.random() < chance * 2) await call("POST", `/api/v1/tickets/${t.id}/resume`);
    else if (t.status === "in_progress" && Math.random() < chance) await call("POST", `/api/v1/tickets/${t.id}/resolve`);
  }
}

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => (stopping = true));
let n = 0;
while (!stopping) {
  await beat();
  if (n++ % 4 === 0) await work();
  await new Promise((r) => setTimeout(r, beatSeconds * 1000));
}
