// Roster: the published roster as an engineer × day grid, coverage against requirement per skill
// and hour as a heatmap with its gaps listed, fairness of nights and weekends, and for a clicked
// cell or gap its explanation and the engineers who could fill it, in a side panel that leaves the
// page where it was.
import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import { api, need, type Session } from "../api/client";
import { Chart } from "../chart";
import { latestPlan, type PlanResult } from "../plan";
import {
  addDays,
  candidates,
  fairness,
  gapRuns,
  gaps,
  hourLabel,
  requirement,
  scheduled,
  weekday,
  type Engineer,
  type Shift,
} from "../roster_model";
import { RosterGrid } from "./roster_grid";

export function Roster(_props: { session: Session }) {
  const [shifts, setShifts] = useState<Shift[] | null>(null);
  const [engineers, setEngineers] = useState<Engineer[]>([]);
  const [plan, setPlan] = useState<PlanResult | null>(null);
  const [picked, setPicked] = useState<{ engineer?: string; skill?: string; date: string; hour?: number } | null>(null);
  useEffect(() => {
    need(api.GET("/api/v1/rosters/current")).then((r) => setShifts((r as unknown as { shifts: Shift[] }).shifts));
    need(api.GET("/api/v1/engineers")).then((r) => setEngineers(r.items as unknown as Engineer[]));
    latestPlan().then((p) => setPlan(p?.result ?? null));
  }, []);
  const model = useMemo(() => {
    const list = shifts ?? [];
    const days = [...new Set(list.map((s) => s.date))].sort();
    const first = days[0] ?? new Date().toISOString().slice(0, 10);
    const monday = addDays(first, -weekday(first));
    const byEngineer = new Map<string, Map<string, Shift>>();
    for (const s of list) {
      const row = byEngineer.get(s.engineer) ?? new Map<string, Shift>();
      row.set(s.date, s);
      byEngineer.set(s.engineer, row);
    }
    const nights = new Set(list.filter((s) => s.end.slice(0, 10) !== s.start.slice(0, 10)).map((s) => s.shift));
    const required = requirement(plan);
    const have = scheduled(list, monday);
    const last = days[days.length - 1] ?? monday;
    const span: string[] = [];
    for (let d = monday; d <= last; d = addDays(d, 1)) span.push(d);
    return { span, monday, byEngineer, nights, required, have, gapList: gaps(required, have) };
  }, [shifts, plan]);
  // The chart and the grid are built once per roster: picking a cell re-renders the explanation
  // only (Preact skips an element it is handed again unchanged).
  const skills = useMemo(() => [...model.required.keys()], [model]);
  const pickHour = useCallback(
    (p: { data?: unknown }) => {
      const [hour, row] = p.data as [number, number];
      setPicked({ skill: skills[row], hour, date: addDays(model.monday, Math.floor(hour / 24)) });
    },
    [skills, model],
  );
  const rostered = useMemo(() => engineers.filter((e) => model.byEngineer.has(e.id)), [engineers, model]);
  const cells = useMemo(
    () => rostered.map((e) => model.span.map((d) => model.byEngineer.get(e.id)!.get(d))),
    [rostered, model],
  );
  const unpick = useCallback(() => setPicked(null), []);
  const pickCell = useCallback((engineer: string, date: string) => setPicked({ engineer, date }), []);
  const heatmap = useMemo(
    () => (
        <Chart
          label="Engineers on shift minus engineers required, per skill and hour of the week; red hours are gaps"
          height={Math.max(220, skills.length * 22 + 80)}
          onClick={pickHour}
          option={{
            tooltip: {
              formatter: (p: { data: [number, number, number] }) =>
                `${skills[p.data[1]]} ${hourLabel(p.data[0])}: ${p.data[2] >= 0 ? "+" : ""}${p.data[2]}`,
            },
            grid: { left: 130, right: 16, top: 10, bottom: 60 },
            xAxis: { type: "category", data: Array.from({ length: 168 }, (_, h) => hourLabel(h)), axisLabel: { interval: 23 } },
            yAxis: { type: "category", data: skills },
            visualMap: {
              min: -5,
              max: 5,
              calculable: false,
              orient: "horizontal",
              left: "center",
              bottom: 0,
              inRange: { color: ["#b2182b", "#f4a582", "#f7f7f7", "#92c5de", "#2166ac"] },
            },
            series: [
              {
                type: "heatmap",
                data: skills.flatMap((s, row) =>
                  model.required.get(s)!.map((need, h) => [h, row, (model.have.get(s)?.[h] ?? 0) - need]),
                ),
              },
            ],
          }}
        />
    ),
    [skills, model, pickHour],
  );
  const grid = useMemo(
    () => (
        <RosterGrid span={model.span} engineers={rostered} cells={cells} onPick={pickCell} />
    ),
    [model, rostered, cells, pickCell],
  );
  const fairChart = useMemo(
    () => (
        <Chart
          label="How many engineers work how many nights and weekend days over the roster"
          option={histogram(fairness(shifts ?? [], model.nights))}
        />
    ),
    [shifts, model],
  );
  if (shifts === null) return <p class="loading">Loading the roster…</p>;
  if (shifts.length === 0) return <p class="notice">No roster is published yet: publish one from a plan run.</p>;
  const runs = gapRuns(model.gapList);
  return (
    <div class="grid">
      <section class="card wide">
        <h2>Coverage against requirement, week of {model.monday}</h2>
        {heatmap}
        <details open={runs.length > 0 && runs.length < 12}>
          <summary>
            {runs.length} coverage gaps in the week ({model.gapList.length} skill-hours below requirement)
          </summary>
          <ul class="gaps">
            {runs.slice(0, 200).map((r) => (
              <li>
                <button
                  type="button"
                  class="link"
                  onClick={() => setPicked({ skill: r.skill, hour: r.from, date: addDays(model.monday, Math.floor(r.from / 24)) })}
                >
                  {r.skill} {hourLabel(r.from)} – {hourLabel(r.to % 168)}, short by up to {r.short}
                </button>
              </li>
            ))}
          </ul>
        </details>
      </section>
      {picked && (
        <Explanation
          picked={picked}
          shift={picked.engineer ? model.byEngineer.get(picked.engineer)?.get(picked.date) : undefined}
          engineers={engineers}
          byEngineer={model.byEngineer}
          nights={model.nights}
          onClose={unpick}
        />
      )}
      <section class="card wide">
        <h2>Engineers × days</h2>
        {grid}
      </section>
      <section class="card">
        <h2>Fairness: nights and weekend days per engineer</h2>
        {fairChart}
      </section>
    </div>
  );
}

function histogram(fair: { nights: number; weekends: number }[]) {
  const max = Math.max(1, ...fair.map((f) => Math.max(f.nights, f.weekends)));
  const count = (key: "nights" | "weekends") => {
    const c = new Array<number>(max + 1).fill(0);
    for (const f of fair) c[f[key]] += 1;
    return c;
  };
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 40 },
    xAxis: { type: "category", name: "per engineer", data: Array.from({ length: max + 1 }, (_, i) => String(i)) },
    yAxis: { type: "value", name: "engineers" },
    series: [
      { name: "nights", type: "bar", data: count("nights") },
      { name: "weekend days", type: "bar", data: count("weekends") },
    ],
  };
}

function Explanation(props: {
  picked: { engineer?: string; skill?: string; date: string; hour?: number };
  shift?: Shift;
  engineers: Engineer[];
  byEngineer: Map<string, Map<string, Shift>>;
  nights: Set<string>;
  onClose: () => void;
}) {
  const { picked, shift, onClose } = props;
  useEffect(() => {
    const close = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    addEventListener("keydown", close);
    return () => removeEventListener("keydown", close);
  }, [onClose]);
  const skill = picked.skill ?? shift?.skill ?? props.engineers.find((e) => e.id === picked.engineer)?.skills[0]?.skill;
  const ranked = skill ? candidates(skill, picked.date, props.engineers, props.byEngineer, props.nights).slice(0, 8) : [];
  return (
    <aside class="card explanation" aria-label="Explanation" aria-live="polite">
      <button type="button" class="close" onClick={onClose} aria-label="Close the explanation (Escape)">
        ×
      </button>
      {picked.engineer ? (
        <h2>
          {picked.engineer} on {picked.date}:{" "}
          {shift ? `${shift.shift} ${shift.start.slice(11, 16)}–${shift.end.slice(11, 16)} in ${shift.skill}` : "off"}
        </h2>
      ) : (
        <h2>
          Gap: {skill} at {hourLabel(picked.hour ?? 0)} ({picked.date})
        </h2>
      )}
      <h3>Who could work {skill} on {picked.date}</h3>
      <ol class="candidates">
        {ranked.map((c) => (
          <li>
            {c.engineer.id} {c.engineer.name} (level {c.level}, {c.engineer.city}, {c.weekShifts} shifts that week):{" "}
            {c.breaks.length ? `would break ${c.breaks.join(", ")}` : "breaks nothing"}
          </li>
        ))}
        {ranked.length === 0 && <li>Nobody with this skill is off that day.</li>}
      </ol>
    </aside>
  );
}
