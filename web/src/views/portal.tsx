// The client portal: the client's own tickets with their SLA clocks, its attainment, a form to
// open a ticket and its monthly SLA report. The server shows a client nothing else; this page
// asks for nothing else.
import { useEffect, useMemo, useState } from "preact/hooks";
import { api, need, type Schemas, type Session } from "../api/client";
import { percent } from "../format";
import { Tile } from "../tile";
import { useOpenTickets } from "../tickets";
import { NewTicket } from "./new_ticket";
import { SlaReport } from "./sla_report";
import { TicketDetail } from "./ticket_detail";
import { TicketTable } from "./ticket_table";

export function Portal(props: { session: Session }) {
  const { tickets, live, reload, upsert, updatedAt } = useOpenTickets();
  const [sla, setSla] = useState<Schemas["ClientSla"] | null>(null);
  useEffect(() => {
    need(api.GET("/api/v1/sla")).then((s) => setSla(s.items[0] ?? null));
  }, [tickets.size]);
  const [zone, setZone] = useState("");
  useEffect(() => {
    if (!props.session.client) return;
    need(api.GET("/api/v1/clients/{id}", { params: { path: { id: props.session.client } } })).then((c) =>
      setZone(c.timezone),
    );
  }, [props.session.client]);
  const list = useMemo(() => [...tickets.values()].sort((a, b) => a.id - b.id), [tickets]);
  const detail = window.location.pathname.match(/^\/portal\/(\d+)$/)?.[1];
  return (
    <div>
      <p class="status-line" role="status">
        <span class={live ? "dot up" : "dot down"} aria-hidden="true" />
        {live ? "Live" : "Reconnecting…"} · {props.session.client}
      </p>
      {detail && <TicketDetail id={detail} />}
      {sla && (
        <section class="tiles" aria-label="SLA">
          <Tile value={sla.open} label="open" />
          <Tile value={percent(sla.response_attainment)} label="responses in target" />
          <Tile value={percent(sla.resolution_attainment)} label="resolutions in target" />
        </section>
      )}
      <NewTicket onCreated={upsert} />
      <TicketTable tickets={list} session={props.session} updatedAt={updatedAt} onChanged={upsert} onStale={reload} />
      {zone && props.session.client && <SlaReport client={props.session.client} timezone={zone} tickets={tickets.size} />}
    </div>
  );
}
