// The latest plan run that succeeded, whose PlanResult the overview, staffing and roster views
// render: the same value `rcc plan --json` prints.
import { api, need } from "./api/client";

export type Headcount = { skill: string; total: number; by_city: Record<string, number> };
export type Slot = {
  slot: string;
  project: string;
  role: string;
  skill: string;
  min_level: number;
  source: string;
  engineer?: string;
  from: string;
  to: string;
  why: string;
};
export type Hire = { skill: string; level: number; joins: string; city: string; site: string; slots: string[] };
export type DesignedShift = { weekday: string; start: string; minutes: number; engineers: number };
export type PlanResult = {
  name: string;
  plan_start: string;
  plan_end: string;
  stages: { stage: string; status: string; ms: number; detail: string }[];
  capacity?: { engineers: number; engineers_by_city: Record<string, number>; headcount: Headcount[] };
  shift_design?: { skill: string; shifts: DesignedShift[] }[];
  roster?: {
    first_day: string;
    weeks: number;
    objective: number;
    engineers: number;
    shifts: number;
    unfilled: number;
    nights_per_engineer: [number, number];
    weekend_days_per_engineer: [number, number];
  };
  staffing?: {
    status: string;
    fill_rate: number;
    jobs_created: number;
    slots_by_source: Record<string, number>;
    jobs_by_city: Record<string, number>;
    jobs_by_project: Record<string, number>;
    sites: { site: string; city: string; open: boolean; opened_by_plan: boolean; hires_seated: number; free_seats_after: number }[];
    hires: Hire[];
    slots: Slot[];
  };
  simulation?: { by_client_priority: { client: string; priority: string; tickets: number; attainment: number }[] };
};

export type PlanRunView = {
  id: string;
  status: string;
  stage: string;
  progress: number;
  created: string;
  finished: string | null;
  error: string | null;
  result: PlanResult | null;
};

export async function latestPlan(): Promise<PlanRunView | null> {
  const runs = (await need(api.GET("/api/v1/plan-runs"))) as unknown as { items: PlanRunView[] };
  const done = runs.items.filter((r) => r.status === "succeeded");
  if (done.length === 0) return null;
  const latest = done[done.length - 1];
  return (await need(api.GET("/api/v1/plan-runs/{id}", { params: { path: { id: latest.id } } }))) as unknown as PlanRunView;
}
