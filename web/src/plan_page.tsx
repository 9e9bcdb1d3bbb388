// plan.html: the plan as one self-contained page that opens offline and prints to A4, drawn with
// the dashboard's own components and charts from the PlanResult that `rcc plan --out` embeds.
import { render } from "preact";
import { Chart, type ChartOption } from "./chart";
import { percent } from "./format";
import type { PlanResult } from "./plan";
import { headcountOption, hiresByMonthOption, hiresBySkillOption } from "./plan_charts";
import { Tile } from "./tile";
import "./styles.css";
import "./plan_page.css";

type Simulated = NonNullable<PlanResult["simulation"]>["by_client_priority"];

// Still pictures: a printed chart must be the finished one.
const still = (option: ChartOption): ChartOption => ({ ...option, animation: false });

function attainmentByClient(rows: Simulated): { client: string; share: number }[] {
  const by = new Map<string, { tickets: number; inTarget: number }>();
  for (const r of rows) {
    const c = by.get(r.client) ?? { tickets: 0, inTarget: 0 };
    c.tickets += r.tickets;
    c.inTarget += r.attainment * r.tickets;
    by.set(r.client, c);
  }
  return [...by].map(([client, c]) => ({ client, share: c.tickets ? c.inTarget / c.tickets : 1 }));
}

function PlanPage(props: { plan: PlanResult }) {
  const p = props.plan;
  const heads = p.capacity?.headcount ?? [];
  const cities = Object.keys(p.capacity?.engineers_by_city ?? {});
  const s = p.staffing;
  const sla = attainmentByClient(p.simulation?.by_client_priority ?? []);
  const unfilled = s?.slots.filter((x) => x.source === "unfilled") ?? [];
  return (
    <main class="plan-page">
      <h1>Plan: {p.name}</h1>
      <p>
        {p.plan_start} to {p.plan_end}
        {p.roster && ` · roster of ${p.roster.weeks} weeks from ${p.roster.first_day}`}
      </p>
      <section class="tiles" aria-label="Key figures">
        <Tile label="Engineers" value={p.capacity?.engineers ?? "—"} />
        <Tile label="Roster shifts" value={p.roster?.shifts ?? "—"} />
        <Tile label="Places unfilled" value={p.roster?.unfilled ?? "—"} tone={p.roster?.unfilled ? "warn" : undefined} />
        <Tile label="Project fill rate" value={percent(s?.fill_rate)} />
        <Tile label="Jobs created" value={s?.jobs_created ?? "—"} />
      </section>
      <section class="card">
        <h2>Headcount by skill and city</h2>
        <Chart label="Engineers per skill, stacked by city" height={300} option={still(headcountOption(heads, cities))} />
      </section>
      {s && (
        <section class="card">
          <h2>Hires by month and city</h2>
          <Chart label="Engineers hired per joining month, stacked by city" height={240} option={still(hiresByMonthOption(s))} />
          <h2>Hires by skill</h2>
          <Chart label="Engineers hired per skill" height={240} option={still(hiresBySkillOption(s))} />
        </section>
      )}
      <section class="card">
        <h2>Simulated first week: answered in target, per client</h2>
        <Chart
          label="Share of tickets answered within the response target in the simulated week, per client"
          height={240}
          option={still({
            tooltip: { trigger: "axis" },
            grid: { left: 48, right: 16, top: 20, bottom: 50 },
            xAxis: { type: "category", data: sla.map((r) => r.client), axisLabel: { rotate: 30 } },
            yAxis: { type: "value", max: 100, name: "%" },
            series: [{ type: "bar", data: sla.map((r) => Math.round(r.share * 1000) / 10) }],
          })}
        />
      </section>
      {unfilled.length > 0 && (
        <section class="card">
          <h2>Role heads left unfilled, and why</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Role head</th>
                <th scope="col">Skill</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {unfilled.map((x) => (
                <tr key={x.slot}>
                  <td>{x.slot}</td>
                  <td>{x.skill}</td>
                  <td>{x.why}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section class="card">
        <h2>Stages</h2>
        <table>
          <tbody>
            {p.stages.map((st) => (
              <tr key={st.stage}>
                <td>{st.stage}</td>
                <td>{st.status}</td>
                <td>{st.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}

const data = document.getElementById("rcc-plan")?.textContent ?? "";
const app = document.getElementById("app");
if (app) {
  try {
    render(<PlanPage plan={JSON.parse(data) as PlanResult} />, app);
  } catch {
    render(<p class="error">This page holds no plan: write it with rcc plan --out DIR.</p>, app);
  }
}
