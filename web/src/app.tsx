// The shell: who is logged in, the views that role may open, and which one the address names.
// Every view reads the API with the session cookie; what a role may not see the server refuses,
// so the navigation only saves people from dead ends, it is not the fence.
import { useEffect, useState } from "preact/hooks";
import { api, need, setCsrfToken, whenUnauthorized, type Session } from "./api/client";
import { Board } from "./views/board";
import { Login } from "./views/login";
import { MyRoster } from "./views/my_roster";
import { Overview } from "./views/overview";
import { PlanRuns } from "./views/plan_runs";
import { Portal } from "./views/portal";
import { Roster } from "./views/roster";
import { Staffing } from "./views/staffing";

type Role = Session["role"];
type View = { path: string; title: string; roles: Role[]; render: (s: Session) => preact.JSX.Element };

const views: View[] = [
  { path: "/", title: "Overview", roles: ["admin", "planner", "lead"], render: () => <Overview /> },
  { path: "/board", title: "Live board", roles: ["admin", "planner", "lead", "engineer"], render: (s) => <Board session={s} /> },
  { path: "/roster", title: "Roster", roles: ["admin", "planner", "lead"], render: (s) => <Roster session={s} /> },
  { path: "/staffing", title: "Staffing and hiring", roles: ["admin", "planner"], render: () => <Staffing /> },
  { path: "/plan-runs", title: "Plan runs", roles: ["admin", "planner"], render: (s) => <PlanRuns session={s} /> },
  { path: "/portal", title: "My tickets", roles: ["client"], render: (s) => <Portal session={s} /> },
  { path: "/my-roster", title: "My roster", roles: ["engineer"], render: (s) => <MyRoster session={s} /> },
];

function currentPath() {
  return window.location.pathname.replace(/\/+$/, "") || "/";
}

export function navigate(path: string) {
  window.history.pushState(null, "", path);
  window.dispatchEvent(new PopStateEvent("popstate"));
}

export function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [path, setPath] = useState(currentPath());
  const [notice, setNotice] = useState("");

  useEffect(() => {
    const onPop = () => setPath(currentPath());
    window.addEventListener("popstate", onPop);
    whenUnauthorized(() => {
      setNotice("Your session has ended; please log in again.");
      setSession(null);
    });
    api.GET("/api/v1/session").then(({ data }) => {
      setCsrfToken(data?.csrf_token);
      setSession(data ?? null);
    });
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  if (session === undefined) return <p class="loading">Loading…</p>;
  if (session === null) {
    return (
      <Login
        notice={notice}
        onLogin={(s) => {
          setCsrfToken(s.csrf_token);
          setNotice("");
          setSession(s);
        }}
      />
    );
  }
  const allowed = views.filter((v) => v.roles.includes(session.role));
  const view = allowed.find((v) => v.path === path || (v.path !== "/" && path.startsWith(v.path + "/"))) ?? allowed[0];
  const logOut = async () => {
    await need(api.DELETE("/api/v1/session"));
    setCsrfToken("");
    setSession(null);
  };
  return (
    <div class="shell">
      <a class="skip" href="#main">Skip to content</a>
      <header>
        <span class="brand">rcc</span>
        <nav aria-label="Views">
          {allowed.map((v) => (
            <a
              href={v.path}
              aria-current={v === view ? "page" : undefined}
              onClick={(e) => {
                e.preventDefault();
                navigate(v.path);
              }}
            >
              {v.title}
            </a>
          ))}
        </nav>
        <span class="whoami">
          {session.user} · {session.role}
          {session.client ? ` · ${session.client}` : ""}
          {session.engineer ? ` · ${session.engineer}` : ""}
        </span>
        <button type="button" onClick={logOut}>
          Log out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <h1>{view.title}</h1>
        {view.render(session)}
      </main>
    </div>
  );
}
