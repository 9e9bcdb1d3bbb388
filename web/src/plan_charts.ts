// The charts of a PlanResult that the dashboard's views and the printable plan (plan.html) share,
// as ECharts options: one drawing of the same figures wherever they are shown.
import type { ChartOption } from "./chart";
import type { Headcount, PlanResult } from "./plan";

type Staffing = NonNullable<PlanResult["staffing"]>;

export function headcountOption(heads: Headcount[], cities: string[]): ChartOption {
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 90 },
    xAxis: { type: "category", data: heads.map((h) => h.skill), axisLabel: { rotate: 45 } },
    yAxis: { type: "value", name: "engineers" },
    series: cities.map((c) => ({ name: c, type: "bar", stack: "city", data: heads.map((h) => h.by_city[c] ?? 0) })),
  };
}

export function hiresByMonthOption(s: Staffing): ChartOption {
  const months = [...new Set(s.hires.map((h) => h.joins))].sort();
  const cities = [...new Set(s.hires.map((h) => h.city))].sort();
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 40 },
    xAxis: { type: "category", data: months },
    yAxis: { type: "value", name: "hires" },
    series: cities.map((c) => ({
      name: c,
      type: "bar",
      stack: "c",
      data: months.map((m) => s.hires.filter((h) => h.joins === m && h.city === c).length),
    })),
  };
}

export function hiresBySkillOption(s: Staffing): ChartOption {
  const skills = [...new Set(s.hires.map((h) => h.skill))].sort();
  return {
    tooltip: { trigger: "axis" },
    grid: { left: 130, right: 16, top: 10, bottom: 30 },
    yAxis: { type: "category", data: skills },
    xAxis: { type: "value", name: "hires" },
    series: [{ type: "bar", data: skills.map((k) => s.hires.filter((h) => h.skill === k).length) }],
  };
}
