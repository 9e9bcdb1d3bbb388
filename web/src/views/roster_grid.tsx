// The engineer × day grid of the roster, virtualised both ways: only the rows and the days in view
// are drawn (a 13-week roster of 1,000 engineers would otherwise be 91,000 cells), scrolling
// re-renders at most once per frame, and one listener on the grid serves every cell. Keyboard: the
// grid is one tab stop; arrows, Page Up/Down, Home/End move the active cell (aria-activedescendant)
// and Enter or Space explains it.
import { memo } from "preact/compat";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { weekday, WEEKDAYS, type Engineer, type Shift } from "../roster_model";

const ROW = 26;
const COLUMN = 30;
const WHO = 160;
const SPARE = 3; // rows and days drawn beyond the edges, so a fast scroll shows no blank strip

export type Cell = { row: number; day: number };

export function RosterGrid(props: {
  span: string[];
  engineers: Engineer[];
  // cells[row][day]: the shift of engineers[row] on span[day], if any
  cells: (Shift | undefined)[][];
  onPick: (engineer: string, date: string) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, left: 0, width: 1000, height: 520 });
  const [active, setActive] = useState<Cell>({ row: 0, day: 0 });
  const frame = useRef(0);
  useLayoutEffect(() => {
    const el = box.current!;
    const measure = () =>
      setView({ top: el.scrollTop, left: el.scrollLeft, width: el.clientWidth, height: el.clientHeight });
    measure();
    const watch = new ResizeObserver(measure);
    watch.observe(el);
    return () => watch.disconnect();
  }, []);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  const onScroll = () => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const el = box.current;
      if (el) setView({ top: el.scrollTop, left: el.scrollLeft, width: el.clientWidth, height: el.clientHeight });
    });
  };
  const rows = props.engineers.length;
  const days = props.span.length;
  const firstRow = Math.max(0, Math.floor(view.top / ROW) - SPARE);
  const lastRow = Math.min(rows, Math.ceil((view.top + view.height) / ROW) + SPARE);
  const firstDay = Math.max(0, Math.floor(view.left / COLUMN) - SPARE);
  const lastDay = Math.min(days, Math.ceil((view.left + view.width - WHO) / COLUMN) + SPARE);
  const drawn = (c: Cell) => c.row >= firstRow && c.row < lastRow && c.day >= firstDay && c.day < lastDay;

  const move = (to: Cell) => {
    const next = { row: clamp(to.row, 0, rows - 1), day: clamp(to.day, 0, days - 1) };
    setActive(next);
    const el = box.current!;
    const y = next.row * ROW;
    if (y < el.scrollTop) el.scrollTop = y;
    else if (y + 2 * ROW > el.scrollTop + el.clientHeight) el.scrollTop = y + 2 * ROW - el.clientHeight;
    const x = next.day * COLUMN;
    if (x < el.scrollLeft) el.scrollLeft = x;
    else if (x + WHO + COLUMN > el.scrollLeft + el.clientWidth) el.scrollLeft = x + WHO + COLUMN - el.clientWidth;
  };
  const pick = (c: Cell) => props.onPick(props.engineers[c.row].id, props.span[c.day]);
  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(view.height / ROW) - 2);
    const steps: Record<string, Cell> = {
      ArrowUp: { row: active.row - 1, day: active.day },
      ArrowDown: { row: active.row + 1, day: active.day },
      ArrowLeft: { row: active.row, day: active.day - 1 },
      ArrowRight: { row: active.row, day: active.day + 1 },
      PageUp: { row: active.row - page, day: active.day },
      PageDown: { row: active.row + page, day: active.day },
      Home: { row: e.ctrlKey ? 0 : active.row, day: 0 },
      End: { row: e.ctrlKey ? rows - 1 : active.row, day: days - 1 },
    };
    if (e.key in steps) move(steps[e.key]);
    else if (e.key === "Enter" || e.key === " ") pick(active);
    else return;
    e.preventDefault();
  };
  const onClick = (e: MouseEvent) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>("[data-day]");
    if (!cell) return;
    const c = { row: Number(cell.parentElement!.dataset.row), day: Number(cell.dataset.day) };
    setActive(c);
    pick(c);
  };
  if (rows === 0 || days === 0) return <p class="notice">Nobody is on this roster.</p>;
  const width = WHO + days * COLUMN;
  const before = firstDay * COLUMN;
  return (
    <div
      class="roster-grid"
      ref={box}
      role="grid"
      aria-label="Shifts per engineer and day; arrow keys move, Enter explains"
      aria-rowcount={rows + 1}
      aria-colcount={days + 1}
      aria-activedescendant={drawn(active) ? cellId(active) : undefined}
      tabIndex={0}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
      onClick={onClick}
    >
      <div class="roster-head" role="row" aria-rowindex={1} style={{ width: `${width}px` }}>
        <span role="columnheader" class="who" aria-colindex={1}>
          Engineer
        </span>
        <span class="spacer" style={{ width: `${before}px` }} />
        {props.span.slice(firstDay, lastDay).map((d, i) => (
          <span role="columnheader" aria-colindex={firstDay + i + 2} class={weekday(d) >= 5 ? "weekend" : ""} title={d}>
            {WEEKDAYS[weekday(d)][0]}
            {d.slice(8)}
          </span>
        ))}
      </div>
      <div style={{ height: `${rows * ROW}px`, position: "relative", width: `${width}px` }}>
        {props.engineers.slice(firstRow, lastRow).map((engineer, i) => {
          const row = firstRow + i;
          return (
            <GridRow
              key={engineer.id}
              row={row}
              engineer={engineer}
              span={props.span}
              cells={props.cells[row]}
              firstDay={firstDay}
              lastDay={lastDay}
              activeDay={active.row === row ? active.day : -1}
            />
          );
        })}
      </div>
    </div>
  );
}

// One engineer's row, drawn again only when its days in view or its active cell change: scrolling
// down draws the rows that come into view, not all of them.
const GridRow = memo(function GridRow(props: {
  row: number;
  engineer: Engineer;
  span: string[];
  cells: (Shift | undefined)[];
  firstDay: number;
  lastDay: number;
  activeDay: number;
}) {
  const { row, engineer, firstDay } = props;
  return (
    <div class="roster-row" role="row" aria-rowindex={row + 2} data-row={row} style={{ top: `${row * ROW}px` }}>
      <span role="rowheader" class="who" aria-colindex={1} title={engineer.name}>
        {engineer.id} {engineer.name}
      </span>
      <span class="spacer" style={{ width: `${firstDay * COLUMN}px` }} />
      {props.cells.slice(firstDay, props.lastDay).map((s, k) => {
        const day = firstDay + k;
        const isActive = props.activeDay === day;
        return (
          <span
            role="gridcell"
            id={isActive ? cellId({ row, day }) : undefined}
            aria-colindex={day + 2}
            aria-selected={isActive}
            data-day={day}
            class={`cell ${s ? `shift-${s.shift}` : "off"}${isActive ? " active" : ""}`}
            title={`${engineer.id} ${props.span[day]}: ${s ? `${s.shift} in ${s.skill}` : "off"}`}
          >
            {s ? s.shift : ""}
          </span>
        );
      })}
    </div>
  );
});

function cellId(c: Cell): string {
  return `roster-cell-${c.row}-${c.day}`;
}

function clamp(n: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, n));
}
