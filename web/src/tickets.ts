// The open tickets a viewer may see, kept current: read page by page from the API, then changed
// by the live stream. Shared by the live board and the client portal.
import { useEffect, useRef, useState } from "preact/hooks";
import { api, need, type Ticket } from "./api/client";
import { useLive } from "./live";

const OPEN = ["open", "assigned", "in_progress", "waiting_on_client"] as const;
export const isOpen = (t: Ticket) => (OPEN as readonly string[]).includes(t.status);

async function readAll(status: (typeof OPEN)[number]): Promise<Ticket[]> {
  const out: Ticket[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await need(
      api.GET("/api/v1/tickets", { params: { query: { status, limit: "500", cursor } } }),
    );
    out.push(...page.items);
    if (!page.next_cursor) return out;
    cursor = page.next_cursor;
  }
}

export function useOpenTickets() {
  const [tickets, setTickets] = useState<Map<number, Ticket>>(new Map());
  const [live, setLive] = useState(false);
  const [updatedAt, setUpdatedAt] = useState<Record<number, number>>({});
  const generation = useRef(0);
  const reload = async () => {
    const mine = ++generation.current;
    const lists = await Promise.all(OPEN.map(readAll));
    if (mine !== generation.current) return;
    setTickets(new Map(lists.flat().map((t) => [t.id, t])));
  };
  const upsert = (t: Ticket) => {
    setTickets((old) => {
      const known = old.get(t.id);
      if (known && known.version > t.version) return old;
      const next = new Map(old);
      if (isOpen(t)) next.set(t.id, t);
      else next.delete(t.id);
      return next;
    });
    setUpdatedAt((u) => ({ ...u, [t.id]: Date.now() }));
  };
  useLive({
    hello: reload,
    ticket: upsert,
    gone: (id) =>
      setTickets((old) => {
        const next = new Map(old);
        next.delete(id);
        return next;
      }),
    connected: setLive,
  });
  useEffect(() => {
    reload();
  }, []);
  return { tickets, live, reload, upsert, updatedAt };
}

// The clock that runs now: response until answered, then resolution; none while paused.
export function runningDeadline(t: Ticket): { kind: string; due: Ticket["response_due"] } | null {
  if (t.status === "open" || t.status === "assigned") return { kind: "response", due: t.response_due };
  if (t.status === "in_progress" && t.resolution_due) return { kind: "resolution", due: t.resolution_due };
  return null;
}
