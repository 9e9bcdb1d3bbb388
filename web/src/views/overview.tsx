// Overview: the center at a glance — who it has (headcount by skill and city), how well the plan
// fills the projects and how many jobs it creates, SLA attainment per client and the open tickets
// at risk now.
import { useEffect, useState } from "preact/hooks";
import { api, need, type Schemas } from "../api/client";
import { Chart } from "../chart";
import { percent } from "../format";
import { latestPlan, type PlanRunView } from "../plan";
import { headcountOption } from "../plan_charts";
import { Tile } from "../tile";

type SlaRow = Schemas["SlaSummary"]["items"][number];

export function Overview() {
  const [plan, setPlan] = useState<PlanRunView | null | undefined>(undefined);
  const [sla, setSla] = useState<SlaRow[]>([]);
  const [error, setError] = useState("");
  useEffect(() => {
    latestPlan().then(setPlan, (e) => setError(String(e.message ?? e)));
    const load = () => need(api.GET("/api/v1/sla")).then((s) => setSla(s.items), () => {});
    load();
    const timer = setInterval(load, 5000);
    return () => clearInterval(timer);
  }, []);
  if (error) return <p class="error" role="alert">{error}</p>;
  const result = plan?.result;
  const heads = result?.capacity?.headcount ?? [];
  const cities = Object.keys(result?.capacity?.engineers_by_city ?? {});
  const open = sla.reduce((n, r) => n + r.open, 0);
  const atRisk = sla.reduce((n, r) => n + r.at_risk, 0);
  const breached = sla.reduce((n, r) => n + r.breached_open, 0);
  return (
    <div class="grid">
      <section class="tiles" aria-label="Key figures">
        <Tile label="Engineers" value={String(result?.capacity?.engineers ?? "—")} />
        <Tile label="Project fill rate" value={percent(result?.staffing?.fill_rate)} />
        <Tile label="Jobs created" value={String(result?.staffing?.jobs_created ?? "—")} />
        <Tile label="Open tickets" value={String(open)} />
        <Tile label="At risk" value={String(atRisk)} tone={atRisk ? "warn" : undefined} />
        <Tile label="Breached, open" value={String(breached)} tone={breached ? "bad" : undefined} />
      </section>
      {plan === null && <p class="notice">No plan run has succeeded yet: start one under Plan runs.</p>}
      <section class="card wide">
        <h2>Headcount by skill and city</h2>
        <Chart
          label="Engineers per skill, stacked by city"
          height={320}
          option={headcountOption(heads, cities)}
        />
      </section>
      <section class="card">
        <h2>SLA attainment per client</h2>
        <Chart
          label="Share of responses and resolutions within target, per client"
          option={{
            tooltip: { trigger: "axis" },
            legend: { top: 0 },
            grid: { left: 48, right: 16, top: 36, bottom: 60 },
            xAxis: { type: "category", data: sla.map((r) => r.client), axisLabel: { rotate: 30 } },
            yAxis: { type: "value", max: 100, name: "%" },
            series: [
              { name: "response", type: "bar", data: sla.map((r) => pct(r.response_attainment)) },
              { name: "resolution", type: "bar", data: sla.map((r) => pct(r.resolution_attainment)) },
            ],
          }}
        />
      </section>
      <section class="card">
        <h2>Open tickets at risk, per client</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col">Open</th>
              <th scope="col">At risk</th>
              <th scope="col">Breached</th>
              <th scope="col">Response</th>
            </tr>
          </thead>
          <tbody>
            {sla.map((r) => (
              <tr>
                <td>{r.client}</td>
                <td>{r.open}</td>
                <td class={r.at_risk ? "warn" : ""}>{r.at_risk}</td>
                <td class={r.breached_open ? "bad" : ""}>{r.breached_open}</td>
                <td>{percent(r.response_attainment)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function pct(share: number | null | undefined) {
  return share === null || share === undefined ? null : Math.round(share * 1000) / 10;
}
