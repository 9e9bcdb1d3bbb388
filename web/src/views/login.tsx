// Logging in: name and password; the server sets the session cookie. Wrong passwords and the
// wait imposed after several are said plainly.
import { useState } from "preact/hooks";
import { api, type Session } from "../api/client";

export function Login(props: { notice: string; onLogin: (s: Session) => void }) {
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError("");
    const { data, error: failure, response } = await api.POST("/api/v1/session", {
      body: { name, password },
    });
    setBusy(false);
    if (data) return props.onLogin(data);
    const f = failure as { message?: string } | undefined;
    setError(
      response.status === 429
        ? (f?.message ?? "Too many failed logins; wait a little.")
        : response.status === 401
          ? "Wrong name or password."
          : (f?.message ?? `The server answered ${response.status}.`),
    );
  };
  return (
    <main class="login" id="main">
      <h1>rcc — Regional Competence Center</h1>
      {props.notice && <p class="notice" role="status">{props.notice}</p>}
      <form onSubmit={submit}>
        <label>
          Name
          <input name="name" autoComplete="username" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={busy}>
          Log in
        </button>
        {error && <p class="error" role="alert">{error}</p>}
      </form>
    </main>
  );
}
