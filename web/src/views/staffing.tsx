// Staffing and hiring: how the plan fills the projects' roles (own engineers, upskilling,
// retraining, hires), the jobs it creates by skill, city and month, the sites it seats them in,
// and why each unfilled role is unfilled.
import { useEffect, useState } from "preact/hooks";
import { Chart } from "../chart";
import { percent } from "../format";
import { Tile } from "../tile";
import { latestPlan, type PlanRunView } from "../plan";
import { hiresByMonthOption, hiresBySkillOption } from "../plan_charts";

export function Staffing() {
  const [plan, setPlan] = useState<PlanRunView | null | undefined>(undefined);
  useEffect(() => {
    latestPlan().then(setPlan);
  }, []);
  if (plan === undefined) return <p class="loading">Loading…</p>;
  const s = plan?.result?.staffing;
  if (!s) return <p class="notice">No staffing plan yet: start a plan run.</p>;
  const unfilled = s.slots.filter((x) => x.source === "unfilled");
  return (
    <div class="grid">
      <section class="tiles" aria-label="Key figures">
        <Tile value={percent(s.fill_rate)} label="fill rate" />
        <Tile value={s.jobs_created} label="jobs created" />
        {Object.entries(s.slots_by_source).map(([k, v]) => (
          <Tile value={v} label={`role slots: ${k}`} />
        ))}
      </section>
      <section class="card">
        <h2>Hires by month and city</h2>
        <Chart
          label="Engineers hired per joining month, stacked by city"
          option={hiresByMonthOption(s)}
        />
      </section>
      <section class="card">
        <h2>Hires by skill</h2>
        <Chart
          label="Engineers hired per skill"
          option={hiresBySkillOption(s)}
        />
      </section>
      <section class="card">
        <h2>Sites</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Site</th>
              <th scope="col">City</th>
              <th scope="col">Hires seated</th>
              <th scope="col">Free seats after</th>
              <th scope="col">Opened by the plan</th>
            </tr>
          </thead>
          <tbody>
            {s.sites.map((x) => (
              <tr>
                <td>{x.site}</td>
                <td>{x.city}</td>
                <td>{x.hires_seated}</td>
                <td>{x.free_seats_after}</td>
                <td>{x.opened_by_plan ? "yes" : "no"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="card wide">
        <h2>Upskilling and retraining</h2>
        <SlotTable slots={s.slots.filter((x) => x.source === "upskill" || x.source === "retrain")} />
      </section>
      <section class="card wide">
        <h2>Why {unfilled.length} role slots stay unfilled</h2>
        <SlotTable slots={unfilled} />
      </section>
    </div>
  );
}

function SlotTable(props: { slots: { slot: string; skill: string; min_level: number; from: string; to: string; engineer?: string; why: string }[] }) {
  return (
    <div class="table-scroll" tabIndex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">Slot</th>
            <th scope="col">Skill</th>
            <th scope="col">Months</th>
            <th scope="col">Engineer</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {props.slots.map((x) => (
            <tr>
              <td>{x.slot}</td>
              <td>
                {x.skill} ≥{x.min_level}
              </td>
              <td>
                {x.from} – {x.to}
              </td>
              <td>{x.engineer ?? "—"}</td>
              <td>{x.why}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
