// Live ticket changes from GET /api/v1/stream (Server-Sent Events). The browser reconnects by
// itself (the server asks for a retry within a second); each (re)connection says hello, and the
// page rereads what it shows, since changes made while away are not replayed. When the session
// ends (logged out elsewhere, expired, the user revoked) the server ends the stream saying so,
// and the page asks to log in again.
import { useEffect } from "preact/hooks";
import { sessionEnded, type Ticket } from "./api/client";

export type LiveHandlers = {
  ticket?: (t: Ticket) => void;
  gone?: (id: number) => void;
  hello?: () => void;
  connected?: (up: boolean) => void;
};

export function useLive(handlers: LiveHandlers) {
  useEffect(() => {
    const source = new EventSource("/api/v1/stream");
    source.addEventListener("hello", () => {
      handlers.connected?.(true);
      handlers.hello?.();
    });
    source.addEventListener("ticket", (e) =>
      handlers.ticket?.(JSON.parse((e as MessageEvent).data) as Ticket),
    );
    source.addEventListener("ticket-gone", (e) =>
      handlers.gone?.((JSON.parse((e as MessageEvent).data) as { id: number }).id),
    );
    source.addEventListener("session-ended", () => {
      source.close();
      sessionEnded();
    });
    source.onerror = () => handlers.connected?.(false);
    return () => source.close();
  }, []);
}
