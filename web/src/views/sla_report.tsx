// A client's monthly SLA report (GET /api/v1/clients/{id}/sla-report, the same as
// `rcc report sla`): attainment per priority on the client's calendar, the trend over the months
// before, and the breaches with their cause. The month is the client's own.
import { useEffect, useState } from "preact/hooks";
import { api, ApiFailure, need, type Schemas } from "../api/client";
import { Chart } from "../chart";
import { percent } from "../format";
import { Tile } from "../tile";

type Report = Schemas["SlaReport"];

function thisMonth(zone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit" }).formatToParts(
    new Date(),
  );
  return `${parts.find((p) => p.type === "year")?.value}-${parts.find((p) => p.type === "month")?.value}`;
}

// `tickets` changes when the client's open tickets do, so the month's report follows them.
export function SlaReport(props: { client: string; timezone: string; tickets: number }) {
  const [month, setMonth] = useState(() => thisMonth(props.timezone));
  const [report, setReport] = useState<Report | null>(null);
  const [problem, setProblem] = useState("");
  useEffect(() => {
    setProblem("");
    need(
      api.GET("/api/v1/clients/{id}/sla-report", {
        params: { path: { id: props.client }, query: { month } },
      }),
    )
      .then(setReport)
      .catch((e: unknown) => {
        setReport(null);
        setProblem(e instanceof ApiFailure && e.status === 404 ? `No tickets opened in ${month}.` : String(e));
      });
  }, [props.client, month, props.tickets]);
  return (
    <section class="card" aria-label="Monthly SLA report">
      <h2>
        Monthly SLA report{" "}
        <label>
          <span class="visually-hidden">Month</span>
          <input type="month" value={month} onChange={(e) => setMonth((e.target as HTMLInputElement).value)} />
        </label>
      </h2>
      {problem && <p role="status">{problem}</p>}
      {report && (
        <>
          <div class="tiles">
            <Tile value={percent(report.response.attainment)} label="responses in target" />
            <Tile value={percent(report.resolution.attainment)} label="resolutions in target" />
            <Tile value={report.tickets} label="tickets" />
            <Tile value={report.breaches.length} label="breaches" />
            <Tile value={`${(report.waiting_on_client_seconds / 3600).toFixed(1)} h`} label="waiting on you" />
          </div>
          <table class="sla-report">
            <thead>
              <tr>
                <th>Priority</th>
                <th>Targets (min)</th>
                <th>Tickets</th>
                <th>Response</th>
                <th>Resolution</th>
                <th>Breaches</th>
              </tr>
            </thead>
            <tbody>
              {report.priorities.map((p) => (
                <tr key={p.priority}>
                  <td>{p.priority}</td>
                  <td>
                    {p.response_target_minutes} / {p.resolution_target_minutes} {p.clock === "24x7" ? "(24x7)" : ""}
                  </td>
                  <td>{p.tickets}</td>
                  <td>{percent(p.response.attainment)}</td>
                  <td>{percent(p.resolution.attainment)}</td>
                  <td>{p.response.breached + p.resolution.breached}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Chart
            label="Share of responses and resolutions within target, month by month"
            height={220}
            option={{
              tooltip: { trigger: "axis" },
              legend: { top: 0 },
              grid: { left: 48, right: 16, top: 36, bottom: 30 },
              xAxis: { type: "category", data: report.trend.map((m) => m.month) },
              yAxis: { type: "value", max: 100, name: "%" },
              series: (["response", "resolution"] as const).map((clock) => ({
                name: clock,
                type: "line",
                connectNulls: false,
                data: report.trend.map((m) => (m[clock].attainment == null ? null : Math.round(m[clock].attainment * 1000) / 10)),
              })),
            }}
          />
          {report.breaches.length > 0 && (
            <details>
              <summary>{report.breaches.length} breaches and their cause</summary>
              <ul class="breaches">
                {report.breaches.slice(0, 200).map((b) => (
                  <li key={`${b.ticket}-${b.clock}`}>
                    #{b.ticket} {b.priority} {b.clock}, due {b.due.slice(0, 16).replace("T", " ")}: {b.cause}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
