// Open tickets as a virtualised table: only the rows in view are in the page, so thousands of
// tickets scroll smoothly. Each row shows its running SLA clock as a countdown, with the deadline
// in the client's local time and in Pakistan time, coloured at risk or breached, and the actions
// the viewer's role may take in the ticket's state.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { api, ApiFailure, need, type Session, type Ticket } from "../api/client";
import { countdown } from "../format";
import { runningDeadline } from "../tickets";

// Rows are one line on a desk screen and two on a phone (styles.css).
const rowHeight = () => (window.matchMedia("(max-width: 700px)").matches ? 88 : 44);

type Action = "assign" | "accept" | "wait-on-client" | "resume" | "resolve";
const RULES: { action: Action; label: string; from: Ticket["status"][]; roles: Session["role"][] }[] = [
  { action: "accept", label: "Accept", from: ["assigned"], roles: ["admin", "lead", "engineer"] },
  { action: "wait-on-client", label: "Wait on client", from: ["in_progress"], roles: ["admin", "lead", "engineer"] },
  { action: "resume", label: "Resume", from: ["waiting_on_client"], roles: ["admin", "lead", "engineer", "client"] },
  { action: "resolve", label: "Resolve", from: ["in_progress"], roles: ["admin", "lead", "engineer"] },
];

function localTime(stamp: string) {
  return stamp.slice(11, 16); // "2026-12-07T19:05:00+03:00" -> "19:05"
}

export function TicketTable(props: {
  tickets: Ticket[];
  session: Session;
  updatedAt: Record<number, number>;
  late?: Set<number> | null; // expected to breach at the current staffing
  onChanged: (t: Ticket) => void;
  onStale: () => void;
}) {
  const [now, setNow] = useState(Date.now());
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(600);
  const [message, setMessage] = useState("");
  const box = useRef<HTMLDivElement>(null);
  const ROW = rowHeight();
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    const observer = new ResizeObserver(() => setHeight(box.current?.clientHeight ?? 600));
    observer.observe(box.current!);
    return () => {
      clearInterval(timer);
      observer.disconnect();
    };
  }, []);
  const first = Math.max(0, Math.floor(top / ROW) - 5);
  const last = Math.min(props.tickets.length, Math.ceil((top + height) / ROW) + 5);
  const act = async (t: Ticket, action: Action, engineer?: string) => {
    setMessage("");
    try {
      const changed = await need(
        api.POST("/api/v1/tickets/{id}/{action}", {
          params: { path: { id: String(t.id), action } },
          body: engineer ? { engineer } : undefined,
        } as never),
      );
      props.onChanged(changed as unknown as Ticket);
    } catch (e) {
      const f = e as ApiFailure;
      if (f.status === 409) {
        setMessage(`Ticket ${t.id} moved on meanwhile (${f.message}); the board was refreshed.`);
        props.onStale();
      } else {
        setMessage(`Ticket ${t.id}: ${f.message}`);
      }
    }
  };
  const rows = useMemo(() => props.tickets.slice(first, last), [props.tickets, first, last]);
  return (
    <div>
      {message && <p class="notice" role="alert">{message}</p>}
      {props.tickets.length === 0 && <p class="notice">No open tickets.</p>}
      <div role="table" aria-label="Open tickets" aria-rowcount={props.tickets.length + 1}>
      <div class="thead ticket-row" role="row" aria-rowindex={1}>
        <span role="columnheader">Ticket</span>
        <span role="columnheader">Client · skill</span>
        <span role="columnheader">Status</span>
        <span role="columnheader">Clock</span>
        <span role="columnheader">Due (client · PKT)</span>
        <span role="columnheader">Actions</span>
      </div>
      <div
        class="scroller"
        ref={box}
        role="rowgroup"
        aria-label="Open tickets, scrollable"
        tabIndex={0}
        onScroll={(e) => setTop(e.currentTarget.scrollTop)}
      >
        <div style={{ height: `${props.tickets.length * ROW}px`, position: "relative" }}>
          {rows.map((t, i) => {
            const clock = runningDeadline(t);
            const fresh = now - (props.updatedAt[t.id] ?? 0) < 3000;
            const tone = t.escalation === "breached" ? "bad" : t.escalation === "at_risk" ? "warn" : "";
            return (
              <div
                key={t.id}
                class={`ticket-row ${tone} ${fresh ? "fresh" : ""}`}
                role="row"
                aria-rowindex={first + i + 2}
                data-ticket={t.id}
                style={{ top: `${(first + i) * ROW}px` }}
              >
                <span role="cell">
                  <a href={`/board/${t.id}`}>#{t.id}</a> <b>{t.priority}</b> {t.title}
                </span>
                <span role="cell">
                  {t.client} · {t.skill}
                </span>
                <span role="cell">
                  {t.status.replaceAll("_", " ")}
                  {t.engineer ? ` · ${t.engineer}` : ""}
                </span>
                <span role="cell" class="countdown">
                  {clock ? `${clock.kind} ${countdown(clock.due.utc, now)}` : "paused: waiting on the client"}
                  {props.late?.has(t.id) && <em class="late"> · will breach</em>}
                </span>
                <span role="cell">
                  {clock ? `${localTime(clock.due.client)} · ${localTime(clock.due.center)}` : "—"}
                </span>
                <span role="cell" class="actions">
                  {RULES.filter((r) => r.from.includes(t.status) && r.roles.includes(props.session.role)).map((r) => (
                    <button type="button" onClick={() => act(t, r.action)}>
                      {r.label}
                    </button>
                  ))}
                  {(props.session.role === "lead" || props.session.role === "admin") && t.status !== "waiting_on_client" && (
                    <AssignButton onAssign={(e) => act(t, "assign", e)} />
                  )}
                </span>
              </div>
            );
          })}
        </div>
      </div>
      </div>
    </div>
  );
}

function AssignButton(props: { onAssign: (engineer: string) => void }) {
  const [open, setOpen] = useState(false);
  const [engineer, setEngineer] = useState("");
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Assign…
      </button>
    );
  return (
    <form
      class="inline"
      onSubmit={(e) => {
        e.preventDefault();
        setOpen(false);
        props.onAssign(engineer);
      }}
    >
      <input aria-label="Engineer id" placeholder="E00001" size={7} value={engineer} onInput={(e) => setEngineer(e.currentTarget.value)} />
      <button type="submit">Assign</button>
    </form>
  );
}
