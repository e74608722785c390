"use client";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useMemo, useRef } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from "recharts";
import type { StudentStats } from "@/lib/server/analytics/stats";

const DAY_MS = 86_400_000;
// Recharts paints ticks #666, too faint on the dark cards: they take the container's muted text colour instead.
const AXIS_TICK = { fill: "currentColor" };
const AXIS_TEXT = "text-slate-600 dark:text-slate-400";
// The default tooltip is a white box that inherits the text colour: keep its label dark in dark mode.
const TOOLTIP_CONTENT = { color: "#0f172a" };
const HEAT_CLASSES = [
  "fill-slate-200 dark:fill-slate-800",
  "fill-indigo-200 dark:fill-indigo-900",
  "fill-indigo-400 dark:fill-indigo-700",
  "fill-indigo-600 dark:fill-indigo-500",
  "fill-indigo-800 dark:fill-indigo-300",
];

function heatLevel(count: number): number {
  if (count === 0) return 0;
  if (count <= 2) return 1;
  if (count <= 5) return 2;
  if (count <= 10) return 3;
  return 4;
}

const toDay = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const toIso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

interface HeatPoint {
  week: number;
  weekday: number;
  count: number;
  date: string;
}

function percent(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)}%`;
}

/** The progress page: figures of GET /api/stats/me, drawn with Recharts. */
export function StatsDashboard({ stats }: { stats: StudentStats }) {
  const t = useTranslations("stats");
  const locale = useLocale();
  const format = useFormatter();
  // On a phone the year-long heatmap scrolls sideways: open it at the recent weeks, where the reviews are.
  const heatScroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const scroller = heatScroller.current;
    if (scroller) scroller.scrollLeft = scroller.scrollWidth;
  }, []);

  const duration = (ms: number) => {
    const minutes = Math.round(ms / 60_000);
    return minutes < 60 ? t("duration.minutes", { minutes }) : t("duration.hours", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  };

  const heat = useMemo(() => {
    const counts = new Map(stats.heatmap.days.map((day) => [day.date, day.count]));
    const from = toDay(stats.heatmap.from);
    const to = toDay(stats.heatmap.to);
    const points: HeatPoint[] = [];
    for (let day = from; day <= to; day += 1) {
      const date = toIso(day);
      points.push({ week: Math.floor((day - from) / 7), weekday: (day - from) % 7, count: counts.get(date) ?? 0, date });
    }
    return points;
  }, [stats.heatmap]);
  // Month labels above the weeks where a month begins ("Mar", "3월"), as on GitHub's calendar.
  const monthTicks = useMemo(() => {
    const month = new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" });
    return new Map(heat.filter((point) => point.date.endsWith("-01")).map((point) => [point.week, month.format(new Date(`${point.date}T00:00:00Z`))]));
  }, [heat, locale]);
  const heatTotal = stats.heatmap.days.reduce((sum, day) => sum + day.count, 0);
  const weekdays = t("heatmap.weekdays").split(",");

  const retentionData = stats.retention.weekly.map((week) => ({ week: week.weekStart.slice(5), rate: week.rate === null ? null : Math.round(week.rate * 100), reviews: week.reviews }));
  const conceptData = stats.concepts
    .filter((concept) => concept.rate !== null)
    .map((concept) => ({ name: concept.name?.[locale] ?? concept.concept, rate: Math.round((concept.rate ?? 0) * 100), reviews: concept.reviews }));
  const forecastData = stats.forecast.map((day) => ({ date: day.date.slice(5), due: day.due }));

  const tiles = [
    { key: "reviewsToday", value: format.number(stats.totals.reviewsToday), note: null },
    { key: "streak", value: t("tiles.streakDays", { days: stats.streak.current }), note: t("tiles.longest", { days: t("tiles.streakDays", { days: stats.streak.longest }) }) },
    { key: "reviews", value: format.number(stats.totals.reviews), note: t("tiles.cardsStudied", { count: format.number(stats.totals.cardsStudied) }) },
    { key: "retention", value: percent(stats.retention.last30Days.rate), note: t("tiles.retentionAll", { rate: percent(stats.retention.overall.rate) }) },
    { key: "time", value: duration(stats.totals.timeStudiedMs), note: t("tiles.timeWeek", { time: duration(stats.totals.timeLast7DaysMs) }) },
  ] as const;

  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-5">
        {tiles.map((tile) => (
          <div key={tile.key} className="card p-4" data-testid={`tile-${tile.key}`}>
            <dt className="text-xs font-medium text-slate-600 dark:text-slate-400">{t(`tiles.${tile.key}`)}</dt>
            <dd className="mt-1 text-2xl font-semibold" data-testid={`tile-${tile.key}-value`}>
              {tile.value}
            </dd>
            {tile.note ? <dd className="text-xs text-slate-600 dark:text-slate-400">{tile.note}</dd> : null}
          </div>
        ))}
      </dl>

      <section className="card space-y-2" aria-labelledby="heatmap-title" data-testid="heatmap">
        <h2 id="heatmap-title" className="text-lg font-semibold">
          {t("heatmap.title")}
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="heatmap-summary">
          {t("heatmap.summary", { reviews: heatTotal, days: stats.heatmap.days.length, from: stats.heatmap.from, to: stats.heatmap.to })}
        </p>
        {/* Hidden from screen readers (the summary above says it), so it must not take keyboard focus either. */}
        <div ref={heatScroller} className={`overflow-x-auto ${AXIS_TEXT}`} aria-hidden="true" tabIndex={-1}>
          <ScatterChart width={760} height={150} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <XAxis
              type="number"
              dataKey="week"
              domain={[-0.5, 52.5]}
              orientation="top"
              ticks={[...monthTicks.keys()]}
              tickFormatter={(week: number) => monthTicks.get(week) ?? ""}
              tick={AXIS_TICK}
              height={20}
              axisLine={false}
              tickLine={false}
              fontSize={11}
            />
            <YAxis
              tick={AXIS_TICK}
              type="number"
              dataKey="weekday"
              domain={[-0.5, 6.5]}
              reversed
              ticks={[0, 2, 4]}
              tickFormatter={(value: number) => weekdays[value / 2] ?? ""}
              width={36}
              axisLine={false}
              tickLine={false}
              fontSize={11}
            />
            <ZAxis type="number" dataKey="count" range={[100, 100]} />
            <Tooltip
              cursor={false}
              content={({ active, payload }) => {
                const point = active ? (payload?.[0]?.payload as HeatPoint | undefined) : undefined;
                return point ? (
                  <div className="rounded border border-slate-200 bg-white px-2 py-1 text-xs shadow dark:border-slate-700 dark:bg-slate-900">
                    {t("heatmap.tooltip", { date: point.date, count: point.count })}
                  </div>
                ) : null;
              }}
            />
            <Scatter
              data={heat}
              isAnimationActive={false}
              shape={(props: { cx?: number; cy?: number; payload?: HeatPoint }) => (
                <rect x={(props.cx ?? 0) - 6} y={(props.cy ?? 0) - 6} width={12} height={12} rx={2} className={HEAT_CLASSES[heatLevel(props.payload?.count ?? 0)]} />
              )}
            />
          </ScatterChart>
        </div>
        <div className="flex items-center gap-1 text-xs text-slate-600 dark:text-slate-400" aria-hidden="true">
          {t("heatmap.less")}
          {HEAT_CLASSES.map((fill) => (
            <svg key={fill} width="12" height="12" role="presentation">
              <rect width="12" height="12" rx="2" className={fill} />
            </svg>
          ))}
          {t("heatmap.more")}
        </div>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section className="card space-y-2" aria-labelledby="retention-title">
          <h2 id="retention-title" className="text-lg font-semibold">
            {t("retention.title")}
          </h2>
          <p className="text-sm text-slate-700 dark:text-slate-300">{t("retention.lead")}</p>
          <div className={`h-56 ${AXIS_TEXT}`}>
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={retentionData} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
                <CartesianGrid strokeDasharray="3 3" className="stroke-slate-200 dark:stroke-slate-800" />
                <XAxis tick={AXIS_TICK} dataKey="week" fontSize={11} interval="preserveStartEnd" minTickGap={24} />
                <YAxis tick={AXIS_TICK} domain={[0, 100]} unit="%" fontSize={11} />
                <Tooltip formatter={(value) => [`${String(value)}%`, t("retention.rate")]} contentStyle={TOOLTIP_CONTENT} />
                <Line type="monotone" dataKey="rate" name={t("retention.rate")} stroke="#6366f1" strokeWidth={2} dot={{ r: 2 }} connectNulls={false} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
        </section>

        <section className="card space-y-2" aria-labelledby="forecast-title">
          <h2 id="forecast-title" className="text-lg font-semibold">
            {t("forecast.title")}
          </h2>
          <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="forecast-today">
            {t("forecast.today", { count: format.number(stats.forecast[0]?.due ?? 0) })}
          </p>
          <div className={`h-56 ${AXIS_TEXT}`}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={forecastData} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} className="stroke-slate-200 dark:stroke-slate-800" />
                <XAxis tick={AXIS_TICK} dataKey="date" fontSize={11} interval="preserveStartEnd" minTickGap={16} />
                <YAxis tick={AXIS_TICK} allowDecimals={false} fontSize={11} />
                <Tooltip formatter={(value) => [String(value), t("forecast.due")]} contentStyle={TOOLTIP_CONTENT} />
                <Bar dataKey="due" name={t("forecast.due")} fill="#0ea5e9" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </section>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <section className="card space-y-2" aria-labelledby="concepts-title">
          <h2 id="concepts-title" className="text-lg font-semibold">
            {t("concepts.title")}
          </h2>
          <div className={AXIS_TEXT} style={{ height: Math.max(120, conceptData.length * 44 + 40) }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={conceptData} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} className="stroke-slate-200 dark:stroke-slate-800" />
                <XAxis tick={AXIS_TICK} type="number" domain={[0, 100]} unit="%" fontSize={11} />
                <YAxis tick={AXIS_TICK} type="category" dataKey="name" width={180} fontSize={11} interval={0} />
                <Tooltip formatter={(value, _name, item) => [`${String(value)}% · ${t("concepts.reviews", { count: (item.payload as { reviews: number }).reviews })}`, t("concepts.rate")]} contentStyle={TOOLTIP_CONTENT} />
                <Bar dataKey="rate" name={t("concepts.rate")} fill="#10b981" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <ul className="sr-only">
            {conceptData.map((concept) => (
              <li key={concept.name}>
                {concept.name}: {concept.rate}%, {t("concepts.reviews", { count: concept.reviews })}
              </li>
            ))}
          </ul>
        </section>

        <section className="card space-y-3" aria-labelledby="weakest-title" data-testid="weakest">
          <h2 id="weakest-title" className="text-lg font-semibold">
            {t("weakest.title")}
          </h2>
          <p className="text-sm text-slate-700 dark:text-slate-300">{t("weakest.lead")}</p>
          {stats.weakest.length === 0 ? (
            <p className="text-sm">{t("weakest.none")}</p>
          ) : (
            <ul className="space-y-3">
              {stats.weakest.map((concept) => {
                const name = concept.name?.[locale] ?? concept.concept;
                return (
                  <li key={`${concept.deckId}/${concept.concept}`} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
                    <p className="font-medium">{name}</p>
                    <p className="text-sm text-slate-600 dark:text-slate-400">{t("weakest.rate", { rate: percent(concept.rate), count: format.number(concept.reviews) })}</p>
                    <div className="mt-2 flex flex-wrap gap-2">
                      <Link className="btn-primary" href={concept.drillHref}>
                        {t("weakest.drill")}
                      </Link>
                      {concept.templates.slice(0, 2).map((template) => (
                        <Link key={template.itemId} className="btn-secondary" href={`/practice/${encodeURIComponent(template.itemId)}`}>
                          {t("weakest.practise", { name: template.title[locale] })}
                        </Link>
                      ))}
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
