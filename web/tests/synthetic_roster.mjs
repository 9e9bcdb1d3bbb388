// A roster body for POST /api/v1/rosters over a generated center, for measuring the roster view at
// scale: every engineer works five days of seven in a staggered pattern for WEEKS weeks from the
// center's first Monday, in its first skill, never on a day of leave. Not a good roster: a big,
// valid one. Usage: node synthetic_roster.mjs CENTER_DIR WEEKS > body.json
import { readFileSync } from "node:fs";

const [dir, weeksArg] = process.argv.slice(2);
const weeks = Number(weeksArg);
const center = JSON.parse(readFileSync(`${dir}/center.json`, "utf8"));
const lines = readFileSync(`${dir}/engineers.csv`, "utf8").trim().split("\n");
const header = lines[0].split(",");
const column = (name) => header.indexOf(name);

const day = (iso, n) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const start = new Date(`${center.plan_start}T00:00:00Z`);
const monday = day(center.plan_start, (7 - ((start.getUTCDay() + 6) % 7)) % 7);
const types = center.shift_types.map((t) => t.id);

const shifts = [];
lines.slice(1).forEach((line, n) => {
  const cells = line.split(",");
  const skill = cells[column("skills")].split(";")[0].split(":")[0];
  const leave = (cells[column("leave")] ?? "")
    .split(";")
    .filter(Boolean)
    .map((r) => (r.includes("..") ? r.split("..") : [r, r]));
  const type = types[n % types.length];
  for (let d = 0; d < weeks * 7; ++d) {
    if ((d + n) % 7 >= 5) continue;
    const date = day(monday, d);
    if (leave.some(([from, to]) => date >= from && date <= to)) continue;
    shifts.push({ engineer: cells[column("id")], date, shift: type, skill });
  }
});
process.stdout.write(JSON.stringify({ shifts }));
