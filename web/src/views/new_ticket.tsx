// Opening a ticket: a client for its own client (implied), a lead or admin for any.
import { useEffect, useState } from "preact/hooks";
import { api, ApiFailure, need, type Ticket } from "../api/client";

export function NewTicket(props: { clients?: string[]; onCreated: (t: Ticket) => void }) {
  const [skills, setSkills] = useState<string[]>([]);
  const [client, setClient] = useState("");
  const [skill, setSkill] = useState("");
  const [priority, setPriority] = useState<"P1" | "P2" | "P3" | "P4">("P3");
  const [title, setTitle] = useState("");
  const [message, setMessage] = useState("");
  useEffect(() => {
    // Skills of the center: from the clients' forecast is not visible to every role, so the
    // form offers the skills the engineers hold when the role may list them.
    api.GET("/api/v1/engineers").then(({ data }) => {
      const all = new Set<string>();
      for (const e of data?.items ?? []) for (const s of e.skills) all.add(s.skill);
      setSkills([...all].sort());
    });
  }, []);
  const submit = async (e: Event) => {
    e.preventDefault();
    setMessage("");
    try {
      const t = await need(
        api.POST("/api/v1/tickets", {
          body: { skill, priority, title, ...(props.clients && client ? { client } : {}) },
        }),
      );
      props.onCreated(t as unknown as Ticket);
      setTitle("");
      setMessage(`Ticket #${(t as unknown as Ticket).id} opened.`);
    } catch (err) {
      setMessage((err as ApiFailure).message);
    }
  };
  return (
    <details class="new-ticket">
      <summary>Open a ticket</summary>
      <form onSubmit={submit}>
        {props.clients && (
          <label>
            Client
            <input list="clients" required value={client} onInput={(e) => setClient(e.currentTarget.value)} />
            <datalist id="clients">
              {props.clients.map((c) => (
                <option value={c} />
              ))}
            </datalist>
          </label>
        )}
        <label>
          Skill
          <input list="skills" required value={skill} onInput={(e) => setSkill(e.currentTarget.value)} />
          <datalist id="skills">
            {skills.map((s) => (
              <option value={s} />
            ))}
          </datalist>
        </label>
        <label>
          Priority
          <select value={priority} onChange={(e) => setPriority(e.currentTarget.value as typeof priority)}>
            <option>P1</option>
            <option>P2</option>
            <option>P3</option>
            <option>P4</option>
          </select>
        </label>
        <label>
          Title
          <input required maxLength={200} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        </label>
        <button type="submit">Open ticket</button>
        {message && <p role="status">{message}</p>}
      </form>
    </details>
  );
}
