// What the roster view computes from the published roster, the engineers and the plan's shift
// design: coverage against requirement per skill and hour of the week, the gaps, fairness per
// engineer, and who could fill a gap with what it would cost them.
import type { PlanResult } from "./plan";

export type Shift = { engineer: string; date: string; shift: string; skill: string; start: string; end: string };
export type Engineer = { id: string; name: string; city: string; skills: { skill: string; level: number }[] };

export const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const HOURS = 168;

// Monday-based weekday of an ISO date.
export function weekday(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function hourOf(stamp: string): number {
  return Number(stamp.slice(11, 13));
}

function minutesBetween(a: string, b: string): number {
  return (new Date(b).getTime() - new Date(a).getTime()) / 60000;
}

// Engineers required per skill and hour of the week, from the designed shifts.
export function requirement(plan: PlanResult | null | undefined): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const d of plan?.shift_design ?? []) {
    const hours = new Array<number>(HOURS).fill(0);
    for (const s of d.shifts) {
      const from = WEEKDAYS.indexOf(s.weekday) * 24 + Number(s.start.slice(0, 2));
      for (let h = 0; h < Math.ceil(s.minutes / 60); ++h) hours[(from + h) % HOURS] += s.engineers;
    }
    out.set(d.skill, hours);
  }
  return out;
}

// Engineers on shift per skill and hour of the week, in the week beginning `monday`.
export function scheduled(shifts: Shift[], monday: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const end = addDays(monday, 7);
  for (const s of shifts) {
    if (s.date < monday || s.date >= end) continue;
    const hours = out.get(s.skill) ?? new Array<number>(HOURS).fill(0);
    const from = weekday(s.date) * 24 + hourOf(s.start);
    const length = Math.ceil(minutesBetween(s.start, s.end) / 60);
    for (let h = 0; h < length; ++h) hours[(from + h) % HOURS] += 1;
    out.set(s.skill, hours);
  }
  return out;
}

export type Gap = { skill: string; hour: number; short: number };

export function gaps(required: Map<string, number[]>, have: Map<string, number[]>): Gap[] {
  const out: Gap[] = [];
  for (const [skill, need] of required) {
    const got = have.get(skill) ?? [];
    need.forEach((n, h) => {
      if ((got[h] ?? 0) < n) out.push({ skill, hour: h, short: n - (got[h] ?? 0) });
    });
  }
  return out;
}

// Runs of gap hours, "ran.lte Mon 06:00–09:00 short by 3", for people and for tests.
export function gapRuns(list: Gap[]): { skill: string; from: number; to: number; short: number }[] {
  const runs: { skill: string; from: number; to: number; short: number }[] = [];
  for (const g of list) {
    const last = runs[runs.length - 1];
    if (last && last.skill === g.skill && last.to === g.hour) {
      last.to = g.hour + 1;
      last.short = Math.max(last.short, g.short);
    } else {
      runs.push({ skill: g.skill, from: g.hour, to: g.hour + 1, short: g.short });
    }
  }
  return runs;
}

export function hourLabel(h: number): string {
  return `${WEEKDAYS[Math.floor(h / 24) % 7]} ${String(h % 24).padStart(2, "0")}:00`;
}

export type Fairness = { engineer: string; nights: number; weekends: number; shifts: number };

export function fairness(shifts: Shift[], nightShifts: Set<string>): Fairness[] {
  const by = new Map<string, Fairness>();
  for (const s of shifts) {
    const f = by.get(s.engineer) ?? { engineer: s.engineer, nights: 0, weekends: 0, shifts: 0 };
    f.shifts += 1;
    if (nightShifts.has(s.shift)) f.nights += 1;
    if (weekday(s.date) >= 5) f.weekends += 1;
    by.set(s.engineer, f);
  }
  return [...by.values()];
}

export type Candidate = { engineer: Engineer; level: number; weekShifts: number; breaks: string[] };

// Engineers with the skill who are off on `date`, ranked: nothing broken first, then the fewest
// shifts that week, then the highest level. What each would break is said in words.
export function candidates(
  skill: string,
  date: string,
  engineers: Engineer[],
  byEngineer: Map<string, Map<string, Shift>>,
  nightShifts: Set<string>,
): Candidate[] {
  const monday = addDays(date, -weekday(date));
  const out: Candidate[] = [];
  for (const e of engineers) {
    const held = e.skills.find((s) => s.skill === skill);
    if (!held) continue;
    const days = byEngineer.get(e.id) ?? new Map<string, Shift>();
    if (days.has(date)) continue;
    let weekShifts = 0;
    for (let d = 0; d < 7; ++d) if (days.has(addDays(monday, d))) weekShifts += 1;
    const breaks: string[] = [];
    const before = days.get(addDays(date, -1));
    if (before && nightShifts.has(before.shift)) breaks.push("rest after the night before");
    let run = 0;
    for (let d = 1; d <= 6 && days.has(addDays(date, -d)); ++d) run += 1;
    for (let d = 1; d <= 6 && days.has(addDays(date, d)); ++d) run += 1;
    if (run + 1 > 6) breaks.push(`${run + 1} days in a row`);
    if (weekShifts + 1 > 5) breaks.push(`${weekShifts + 1} shifts that week`);
    if (weekday(date) >= 5) breaks.push("a weekend day");
    out.push({ engineer: e, level: held.level, weekShifts, breaks });
  }
  out.sort((a, b) => a.breaks.length - b.breaks.length || a.weekShifts - b.weekShifts || b.level - a.level);
  return out;
}
