// One ticket by its address (/board/17, /portal/17): what the viewer may not see is "no ticket",
// exactly as the API answers.
import { useEffect, useState } from "preact/hooks";
import { api, ApiFailure, need, type Ticket } from "../api/client";

export function TicketDetail(props: { id: string }) {
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    need(api.GET("/api/v1/tickets/{id}", { params: { path: { id: props.id } } })).then(
      (t) => setTicket(t as unknown as Ticket),
      (e: ApiFailure) => setError(e.status === 404 ? `No ticket ${props.id}.` : e.message),
    );
  }, [props.id]);
  if (error) return <p class="error" role="alert">{error}</p>;
  if (!ticket) return null;
  return (
    <section class="card detail" aria-label={`Ticket ${ticket.id}`}>
      <h2>
        #{ticket.id} {ticket.title}
      </h2>
      <dl>
        <dt>Client</dt>
        <dd>{ticket.client}</dd>
        <dt>Priority</dt>
        <dd>{ticket.priority}</dd>
        <dt>Status</dt>
        <dd>{ticket.status.replaceAll("_", " ")}</dd>
        <dt>Engineer</dt>
        <dd>{ticket.engineer ?? "—"}</dd>
        <dt>Response due</dt>
        <dd>
          {ticket.response_due.client} (client) · {ticket.response_due.center} (PKT)
        </dd>
      </dl>
    </section>
  );
}
