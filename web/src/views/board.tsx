// The live board: open tickets per client and priority, filtered, with their SLA countdowns and
// the actions of the viewer's role; changes arrive on the live stream within a second.
import { useEffect, useMemo, useState } from "preact/hooks";
import { api } from "../api/client";
import type { Session, Ticket } from "../api/client";
import { useOpenTickets } from "../tickets";
import { NewTicket } from "./new_ticket";
import { TicketDetail } from "./ticket_detail";
import { TicketTable } from "./ticket_table";

const PRIORITIES = ["P1", "P2", "P3", "P4"] as const;

export function Board(props: { session: Session }) {
  const { tickets, live, reload, upsert, updatedAt } = useOpenTickets();
  const [client, setClient] = useState("");
  const [priority, setPriority] = useState("");
  const [risk, setRisk] = useState("");
  const [text, setText] = useState("");
  const late = useBreachOutlook(props.session);
  const all = useMemo(() => [...tickets.values()], [tickets]);
  const clients = useMemo(() => [...new Set(all.map((t) => t.client))].sort(), [all]);
  const shown = useMemo(() => {
    const q = text.toLowerCase();
    return all
      .filter(
        (t) =>
          (!client || t.client === client) &&
          (!priority || t.priority === priority) &&
          (!risk || t.escalation === risk || (risk === "will_breach" && late?.has(t.id))) &&
          (!q || t.title.toLowerCase().includes(q) || String(t.id) === q),
      )
      .sort(byUrgency);
  }, [all, client, priority, risk, text, late]);
  const detail = window.location.pathname.match(/^\/board\/(\d+)$/)?.[1];
  return (
    <div>
      <p class="status-line" role="status">
        <span class={live ? "dot up" : "dot down"} aria-hidden="true" />
        {live ? "Live" : "Reconnecting…"} · {all.length} open tickets
        {late && ` · ${late.size} will breach if staffing stays as it is`}
      </p>
      {detail && <TicketDetail id={detail} />}
      <CountsByClient tickets={all} />
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filters">
        <label>
          Client
          <select value={client} onChange={(e) => setClient(e.currentTarget.value)}>
            <option value="">all</option>
            {clients.map((c) => (
              <option value={c}>{c}</option>
            ))}
          </select>
        </label>
        <label>
          Priority
          <select value={priority} onChange={(e) => setPriority(e.currentTarget.value)}>
            <option value="">all</option>
            {PRIORITIES.map((p) => (
              <option value={p}>{p}</option>
            ))}
          </select>
        </label>
        <label>
          SLA
          <select value={risk} onChange={(e) => setRisk(e.currentTarget.value)}>
            <option value="">all</option>
            <option value="at_risk">at risk</option>
            <option value="breached">breached</option>
            <option value="will_breach">will breach</option>
          </select>
        </label>
        <label>
          Search
          <input type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
      </form>
      {(props.session.role === "lead" || props.session.role === "admin") && (
        <NewTicket clients={clients} onCreated={upsert} />
      )}
      <TicketTable
        tickets={shown}
        session={props.session}
        updatedAt={updatedAt}
        late={late}
        onChanged={upsert}
        onStale={reload}
      />
    </div>
  );
}

// The tickets the server expects to breach at the current staffing (GET /api/v1/sla/outlook),
// reread every few seconds; engineers may not ask, and get none.
function useBreachOutlook(session: Session) {
  const [late, setLate] = useState<Set<number> | null>(null);
  useEffect(() => {
    if (session.role === "engineer") return;
    const load = () =>
      api.GET("/api/v1/sla/outlook").then(({ data }) => {
        if (data) setLate(new Set(data.items.filter((o) => o.response_breach || o.resolution_breach).map((o) => o.ticket)));
      });
    load();
    const timer = setInterval(load, 5000);
    return () => clearInterval(timer);
  }, []);
  return late;
}

const RANK = { breached: 0, at_risk: 1, none: 2 } as Record<string, number>;
function byUrgency(a: Ticket, b: Ticket) {
  return (RANK[a.escalation] ?? 3) - (RANK[b.escalation] ?? 3) || a.priority.localeCompare(b.priority) || a.id - b.id;
}

function CountsByClient(props: { tickets: Ticket[] }) {
  const counts = new Map<string, Record<string, number>>();
  for (const t of props.tickets) {
    const row = counts.get(t.client) ?? {};
    row[t.priority] = (row[t.priority] ?? 0) + 1;
    counts.set(t.client, row);
  }
  if (counts.size === 0) return <p>No open tickets.</p>;
  return (
    <table class="counts">
      <caption>Open tickets per client and priority</caption>
      <thead>
        <tr>
          <th scope="col">Client</th>
          {PRIORITIES.map((p) => (
            <th scope="col">{p}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[...counts.entries()].sort().map(([c, row]) => (
          <tr>
            <th scope="row">{c}</th>
            {PRIORITIES.map((p) => (
              <td>{row[p] ?? 0}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
