// Plan runs: start the pipeline with its options (read from the one declaration the CLI and the
// API share: GET /api/v1/plan-options), watch each stage's progress, see the result and publish
// its roster.
import { useEffect, useState } from "preact/hooks";
import { api, ApiFailure, need, type Session } from "../api/client";
import type { PlanRunView } from "../plan";

type Option = { name: string; help: string; type: string; default: number | string; minimum?: number; maximum?: number; unit?: string; choices?: string[] };

export function PlanRuns(_props: { session: Session }) {
  const [options, setOptions] = useState<Option[]>([]);
  const [stages, setStages] = useState<string[]>([]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [runs, setRuns] = useState<PlanRunView[]>([]);
  const [message, setMessage] = useState("");
  const load = () => need(api.GET("/api/v1/plan-runs")).then((r) => setRuns((r as unknown as { items: PlanRunView[] }).items));
  useEffect(() => {
    need(api.GET("/api/v1/plan-options")).then((r) => {
      const o = r as unknown as { options: Option[]; stages: string[] };
      setOptions(o.options);
      setStages(o.stages);
      setValues(Object.fromEntries(o.options.map((x) => [x.name, String(x.default)])));
    });
    load();
    const timer = setInterval(load, 1000);
    return () => clearInterval(timer);
  }, []);
  const start = async (e: Event) => {
    e.preventDefault();
    setMessage("");
    const body = Object.fromEntries(
      options.map((o) => [o.name, o.type === "string" ? values[o.name] : Number(values[o.name])]),
    );
    try {
      const run = (await need(api.POST("/api/v1/plan-runs", { body } as never))) as unknown as PlanRunView;
      setMessage(`Plan run ${run.id} queued.`);
      load();
    } catch (err) {
      setMessage((err as ApiFailure).message);
    }
  };
  const publish = async (id: string) => {
    try {
      const r = (await need(api.POST("/api/v1/rosters", { body: { plan_run: id } } as never))) as unknown as { shifts: number };
      setMessage(`Published the roster of ${id}: ${r.shifts} shifts.`);
    } catch (err) {
      setMessage((err as ApiFailure).message);
    }
  };
  return (
    <div class="grid">
      <section class="card">
        <h2>Start a plan run</h2>
        <form class="options" onSubmit={start}>
          {options.map((o) => (
            <label title={o.help}>
              {o.name.replaceAll("_", " ")}
              {o.choices ? (
                <select value={values[o.name]} onChange={(e) => setValues({ ...values, [o.name]: e.currentTarget.value })}>
                  {o.choices.map((c) => (
                    <option>{c}</option>
                  ))}
                </select>
              ) : (
                <input
                  type="number"
                  step={o.type === "integer" ? 1 : "any"}
                  min={o.minimum}
                  max={o.maximum}
                  required
                  value={values[o.name]}
                  onInput={(e) => setValues({ ...values, [o.name]: e.currentTarget.value })}
                />
              )}
              <small>
                {o.help}
                {o.unit ? ` (${o.unit})` : ""}
              </small>
            </label>
          ))}
          <button type="submit">Start</button>
        </form>
        {message && <p role="status">{message}</p>}
      </section>
      <section class="card wide">
        <h2>Runs</h2>
        <ol class="runs" reversed>
          {[...runs].reverse().map((r) => (
            <li class={`run ${r.status}`} data-run={r.id}>
              <div>
                <b>{r.id}</b> · {r.status} · {r.stage} · started {r.created}
              </div>
              <div class="stages">
                {stages.map((s, i) => {
                  const at = stages.indexOf(r.stage);
                  const done = r.status === "succeeded" || (at >= 0 && i < at);
                  const share = done ? 1 : i === at ? r.progress : 0;
                  return (
                    <label class="stage">
                      {s}
                      <progress max={1} value={share} aria-label={`${s} of ${r.id}`} />
                    </label>
                  );
                })}
              </div>
              {r.error && <p class="error">{r.error}</p>}
              {r.status === "succeeded" && (
                <button type="button" onClick={() => publish(r.id)}>
                  Publish its roster
                </button>
              )}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
