// The one way the dashboard talks to rcc serve: typed calls generated from docs/openapi.json
// (openapi-fetch over schema.d.ts), the session cookie sent by the browser, and the session's
// CSRF token added to every change. Errors come back in the API's one shape.
import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema";

export type Schemas = components["schemas"];
export type Ticket = Schemas["Ticket"];
export type Session = Schemas["Session"];

let csrfToken = "";
export function setCsrfToken(token: string | undefined) {
  csrfToken = token ?? "";
}

// Called when the server answers 401: the session expired or ended elsewhere.
let onUnauthorized: () => void = () => {};
export function whenUnauthorized(handler: () => void) {
  onUnauthorized = handler;
}
export function sessionEnded() {
  onUnauthorized();
}

const middleware: Middleware = {
  onRequest({ request }) {
    if (request.method !== "GET" && csrfToken) request.headers.set("X-CSRF-Token", csrfToken);
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && !request.url.endsWith("/api/v1/session")) sessionEnded();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: "same-origin" });
api.use(middleware);

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// The data of an answer, or an ApiFailure carrying the API's code and message.
export async function need<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (data !== undefined && response.ok) return data;
  const e = (error ?? {}) as { code?: string; message?: string };
  throw new ApiFailure(response.status, e.code ?? "unknown", e.message ?? response.statusText);
}
