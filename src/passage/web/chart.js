// The time chart: people in single events per period, stacked by event type, drawn as SVG.
import { TYPES, compact, fmt, h, s, typeColor } from "./dom.js";

const HEIGHT = 280;
const MARGIN = { top: 14, right: 14, bottom: 44, left: 62 };
const INTERVAL_WORDS = { week: "Week", month: "Month", year: "Year" };

function niceStep(max, ticks) {
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

function orderSeries(series) {
  const rank = (key) => (TYPES.includes(key) ? TYPES.indexOf(key) : TYPES.length);
  return [...series].sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key));
}

/** Draw ``agg`` (the /aggregates/people response) into ``container``; the legend into ``legendEl``. */
export function drawChart(container, legendEl, agg) {
  container.replaceChildren();
  legendEl.replaceChildren();
  const width = Math.max(container.clientWidth || 640, 320);
  const svg = s("svg", {
    viewBox: `0 0 ${width} ${HEIGHT}`, height: HEIGHT, role: "img",
    "aria-label": `People per ${agg.interval} by ${agg.by}`,
  });
  container.append(svg);
  const series = orderSeries(agg.series);
  const periods = agg.periods;
  if (!periods.length || !series.length) {
    svg.append(s("text", { class: "empty", x: width / 2, y: HEIGHT / 2, "text-anchor": "middle" },
      "No dated single events with a number of people for these filters."));
    return;
  }
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const totals = periods.map((_, i) => series.reduce((sum, se) => sum + se.values[i].people_low, 0));
  const highs = periods.map((_, i) => series.reduce((sum, se) => sum + se.values[i].people_high, 0));
  const max = Math.max(1, ...totals, ...highs);
  const step = niceStep(max, 5);
  const top = Math.ceil(max / step) * step;
  const y = (v) => MARGIN.top + plotH - (v / top) * plotH;
  const band = plotW / periods.length;
  const barW = Math.max(2, Math.min(48, band * 0.7));

  const axis = s("g", { class: "axis" });
  for (let v = 0; v <= top + 1e-9; v += step) {
    axis.append(
      s("line", { class: "grid-line", x1: MARGIN.left, x2: width - MARGIN.right, y1: y(v), y2: y(v) }),
      s("text", { x: MARGIN.left - 8, y: y(v) + 4, "text-anchor": "end" }, compact(v)),
    );
  }
  const every = Math.ceil(periods.length / Math.max(1, Math.floor(plotW / 64)));
  periods.forEach((period, i) => {
    if (i % every) return;
    const x = MARGIN.left + band * (i + 0.5);
    axis.append(s("text", { x, y: HEIGHT - MARGIN.bottom + 16, "text-anchor": "middle" }, period));
  });
  axis.append(s("line", {
    x1: MARGIN.left, x2: width - MARGIN.right, y1: y(0), y2: y(0),
  }));
  svg.append(axis);
  svg.append(
    s("text", {
      class: "axis-title", transform: `translate(14 ${MARGIN.top + plotH / 2}) rotate(-90)`,
      "text-anchor": "middle",
    }, "People (single events)"),
    s("text", { class: "axis-title", x: MARGIN.left + plotW / 2, y: HEIGHT - 6, "text-anchor": "middle" },
      INTERVAL_WORDS[agg.interval] || agg.interval),
  );

  const bars = s("g", { class: "bars" });
  periods.forEach((period, i) => {
    const x = MARGIN.left + band * (i + 0.5) - barW / 2;
    let base = 0;
    for (const se of series) {
      const cell = se.values[i];
      if (!cell.people_low) continue;
      const rect = s("rect", {
        class: "bar", x, width: barW, y: y(base + cell.people_low),
        height: Math.max(1, y(base) - y(base + cell.people_low)),
        fill: typeColor(se.key), "data-series": se.key, "data-period": period,
        "data-value": cell.people_low,
      });
      const open = cell.open_high ? `; ${cell.open_high} with no upper bound` : "";
      rect.append(s("title", {}, `${period} · ${se.key}: ${fmt(cell.people_low)}`
        + (cell.people_high !== cell.people_low ? ` to ${fmt(cell.people_high)}` : "")
        + ` people in ${cell.events} event${cell.events === 1 ? "" : "s"}${open}`));
      bars.append(rect);
      base += cell.people_low;
    }
    if (highs[i] > totals[i]) {
      const cx = x + barW / 2;
      const mark = s("g", { class: "high" });
      mark.append(
        s("line", { x1: cx, x2: cx, y1: y(totals[i]), y2: y(highs[i]), "stroke-dasharray": "2 2" }),
        s("line", { x1: cx - barW / 4, x2: cx + barW / 4, y1: y(highs[i]), y2: y(highs[i]) }),
        s("title", {}, `${period}: high bound ${fmt(highs[i])} people`),
      );
      bars.append(mark);
    }
  });
  svg.append(bars);

  for (const se of series) {
    const total = se.total.people_low === se.total.people_high
      ? fmt(se.total.people_low) : `${fmt(se.total.people_low)}–${fmt(se.total.people_high)}`;
    legendEl.append(h("span", { class: "item", dataset: { series: se.key } },
      h("span", { class: "swatch", style: `background:${typeColor(se.key)}` }),
      `${se.key} `, h("span", { class: "hint" }, total)));
  }
  if (highs.some((v, i) => v > totals[i])) {
    legendEl.append(h("span", { class: "item hint" }, "┆ high bound where sources give a range"));
  }
}

/** One sentence on what the chart leaves out, so no figure silently disappears. */
export function separateText(agg) {
  const parts = [];
  const n = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;
  if (agg.rates.length) parts.push(`${n(agg.rates.length, "rate")} (people per day/week/…)`);
  if (agg.running_totals.length) parts.push(n(agg.running_totals.length, "running total"));
  if (agg.not_summed_status.length) parts.push(`${n(agg.not_summed_status.length, "event")} of other statuses (e.g. planned)`);
  const lines = [];
  if (parts.length) lines.push(`Not summed: ${parts.join(", ")}.`);
  if (agg.spanning.events) {
    lines.push(`${fmt(agg.spanning.people_low)} people in ${n(agg.spanning.events, "single event")} spanning more than one ${agg.interval}, not placed on the chart.`);
  }
  if (agg.undated.events) lines.push(`${fmt(agg.undated.people_low)} people in ${n(agg.undated.events, "undated event")}.`);
  if (agg.without_figures) lines.push(`${n(agg.without_figures, "event")} without a number of people.`);
  return lines.join(" ");
}
