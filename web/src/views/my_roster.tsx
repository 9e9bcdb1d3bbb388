// An engineer's own roster: the shifts ahead, in Pakistan time, and an iCalendar-friendly list.
import { useEffect, useState } from "preact/hooks";
import { api, need, type Session } from "../api/client";
import { WEEKDAYS, weekday, type Shift } from "../roster_model";

export function MyRoster(props: { session: Session }) {
  const [shifts, setShifts] = useState<Shift[] | null>(null);
  useEffect(() => {
    const id = props.session.engineer ?? "";
    need(api.GET("/api/v1/engineers/{id}/roster", { params: { path: { id } } })).then((r) =>
      setShifts((r as unknown as { shifts: Shift[] }).shifts),
    );
  }, []);
  if (shifts === null) return <p class="loading">Loading…</p>;
  if (shifts.length === 0) return <p class="notice">No shifts published for you.</p>;
  return (
    <table>
      <caption>Shifts of {props.session.engineer}</caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col">Shift</th>
          <th scope="col">From</th>
          <th scope="col">To</th>
          <th scope="col">Skill</th>
        </tr>
      </thead>
      <tbody>
        {shifts.map((s) => (
          <tr>
            <td>
              {WEEKDAYS[weekday(s.date)]} {s.date}
            </td>
            <td>{s.shift}</td>
            <td>{s.start.slice(11, 16)}</td>
            <td>{s.end.slice(11, 16)}</td>
            <td>{s.skill}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
