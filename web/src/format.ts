// How the dashboard writes times, durations and shares.
// "-1h 05m", "23m", "2d 3h": time left until `iso` from `now` (ms since the epoch).
export function countdown(iso: string, now: number): string {
  let s = Math.round((new Date(iso).getTime() - now) / 1000);
  const sign = s < 0 ? "-" : "";
  s = Math.abs(s);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${sign}${d}d ${h}h`;
  if (h > 0) return `${sign}${h}h ${String(m).padStart(2, "0")}m`;
  return `${sign}${m}m ${String(s % 60).padStart(2, "0")}s`;
}

export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? "—" : `${(share * 100).toFixed(1)}%`;
}
