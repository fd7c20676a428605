// The dashboard: filters -> (chart, corridors, table, downloads), and a fact's or an event's detail.
// The table shows consolidated events (one row per fact) by default, every report's event on demand.
import { drawChart, separateText } from "./chart.js";
import { markText, renderFields, renderHeader, renderLegend } from "./detail.js";
import { TYPES, fmt, h, typeColor } from "./dom.js";
import { renderFactFields, renderFactHeader, renderReports } from "./facts.js";
import { emptyRow, eventRow, factRow, renderHead } from "./table.js";

const API = "/api/v1";
const PAGE_SIZE = 25;
const FILTER_NAMES = ["type", "status", "country", "origin", "destination", "date_from", "date_to", "min_people", "q"];
const CORRIDORS_SHOWN = 12;

const $ = (id) => document.getElementById(id);
const form = $("filters");
const state = { sort: "-date", page: 1, interval: "month", view: "facts" };
const consolidation = { facts: 0, pending: 0 }; // from /facets
let countryNames = {};
let generation = 0; // answers to an older state are dropped

async function getJSON(path) {
  const response = await fetch(path);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const where = body.param ? `${body.param}: ` : "";
    throw new Error(where + (body.message || response.statusText));
  }
  return body;
}

function filterParams() {
  const params = new URLSearchParams();
  const data = new FormData(form);
  for (const name of FILTER_NAMES) {
    const v = String(data.get(name) ?? "").trim();
    if (v) params.set(name, v);
  }
  return params;
}

function withParams(path, extra = {}) {
  const params = filterParams();
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const q = params.toString();
  return q ? `${path}?${q}` : path;
}

function saveHash() {
  const params = filterParams();
  if (state.sort !== "-date") params.set("sort", state.sort);
  if (state.page !== 1) params.set("page", state.page);
  if (state.interval !== "month") params.set("interval", state.interval);
  if (state.view !== "facts") params.set("view", state.view);
  history.replaceState(null, "", params.toString() ? `#${params}` : location.pathname);
}

function loadHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  for (const name of FILTER_NAMES) if (params.has(name)) form.elements[name].value = params.get(name);
  state.sort = params.get("sort") || "-date";
  state.page = Number(params.get("page")) || 1;
  state.interval = params.get("interval") || "month";
  state.view = params.get("view") === "reports" ? "reports" : "facts";
}

/** Facts when the database holds consolidated events, else every report. */
function view() {
  return consolidation.facts ? state.view : "reports";
}

function country(code) {
  return code ? h("span", { title: countryNames[code] || code }, code) : "";
}

// ------------------------------------------------------------------ filters

function fillSelect(select, entries) {
  const keep = select.value;
  for (const [value, label] of entries) select.append(h("option", { value }, label));
  select.value = keep;
}

async function loadFacets() {
  const facets = await getJSON(`${API}/facets`);
  countryNames = Object.fromEntries(facets.countries.map((c) => [c.code, c.name]));
  const types = TYPES.filter((t) => t in facets.types).map((t) => [t, `${t} (${facets.types[t]})`]);
  fillSelect(form.elements.type, types);
  fillSelect(form.elements.status, Object.entries(facets.statuses).map(([k, n]) => [k, `${k} (${n})`]));
  const countries = [...facets.countries].sort((a, b) => a.name.localeCompare(b.name))
    .map((c) => [c.code, `${c.name} (${c.code})`]);
  for (const name of ["country", "origin", "destination"]) fillSelect(form.elements[name], countries);
  const span = facets.date_min ? ` · ${facets.date_min.slice(0, 7)} to ${facets.date_max.slice(0, 7)}` : "";
  const facts = facets.consolidated ? ` (${fmt(facets.consolidated)} facts)` : "";
  $("summary").textContent = `${fmt(facets.events)} events${facts} from ${fmt(facets.documents)} reports${span}`;
  consolidation.facts = facets.consolidated;
  consolidation.pending = facets.unconsolidated;
}

// ------------------------------------------------------------------ views

function renderViewNote() {
  const note = $("view-note");
  const shown = view();
  let text = "";
  if (!consolidation.facts) {
    text = "This database holds no consolidated events yet, so every report's event is its own row. "
      + "Run passage consolidate --db … to merge the reports of one fact into one row.";
  } else if (shown === "facts" && consolidation.pending) {
    text = `${fmt(consolidation.pending)} events extracted since the last consolidation are not in these rows: `
      + "run passage consolidate, or show every report.";
  }
  note.textContent = text;
  note.hidden = !text;
  for (const b of document.querySelectorAll("#view button")) {
    b.setAttribute("aria-pressed", String(b.dataset.view === shown));
    b.disabled = b.dataset.view === "facts" && !consolidation.facts;
  }
  $("table-title").textContent = shown === "facts" ? "Events, one row per fact" : "Events, every report";
  $("download-hint").textContent = shown === "facts"
    ? "Download the matching events (one row per report, with its consolidated_id)" : "Download these events";
}

function renderTable(page) {
  const shown = view();
  renderHead(document.querySelector("#events thead"), shown, state.sort);
  const body = document.querySelector("#events tbody");
  body.replaceChildren();
  $("event-count").textContent = `(${fmt(page.count)})`;
  if (!page.data.length) body.append(emptyRow("No events match these filters."));
  for (const item of page.data) {
    body.append(shown === "facts"
      ? factRow(item, country, () => openFact(item.id))
      : eventRow(item, country, () => openDetail(item.id)));
  }
  const first = page.count ? page.offset + 1 : 0;
  $("page-info").textContent = `${fmt(first)}–${fmt(page.offset + page.data.length)} of ${fmt(page.count)}`;
  $("prev").disabled = state.page <= 1;
  $("next").disabled = page.offset + page.data.length >= page.count;
  document.body.dataset.view = shown;
}

function renderCorridors(answer, unit) {
  const list = $("corridors");
  list.replaceChildren();
  const shown = answer.data.filter((c) => c.people_low > 0 || c.events > 0).slice(0, CORRIDORS_SHOWN);
  const max = Math.max(1, ...shown.map((c) => c.people_low));
  if (!shown.length) list.append(h("li", { class: "empty" }, "No corridors for these filters."));
  for (const c of shown) {
    const name = (codes) => (codes.length ? codes.map((x) => countryNames[x] || x).join(" + ") : "?");
    const label = `${name(c.start)} → ${c.to ? countryNames[c.to] || c.to : "?"}`;
    const bar = h("div", { class: "bar" });
    for (const [type, tally] of Object.entries(c.by_type)) {
      bar.append(h("span", { style: `width:${(100 * tally.people_low) / max}%;background:${typeColor(type)}`,
        title: `${type}: ${fmt(tally.people_low)} people` }));
    }
    const events = `${c.events} ${unit}${c.events === 1 ? "" : "s"}`;
    list.append(h("li", { dataset: { key: c.key } },
      h("span", { class: "label", title: `${c.key} (${c.to_role || "?"})` }, label),
      h("span", { class: "value" }, c.people_low ? `${fmt(c.people_low)} people · ${events}` : events),
      bar));
  }
  $("corridor-method").textContent = answer.count > shown.length
    ? `${shown.length} of ${answer.count} corridors. ${answer.method}.` : `${answer.method}.`;
}

function renderAggregate(agg) {
  $("chart-title").textContent = `People per ${agg.interval}, by event type`;
  drawChart($("chart"), $("legend"), agg);
  $("method").textContent = `How this is counted: ${agg.method}.`;
  $("separate").textContent = separateText(agg);
  for (const b of document.querySelectorAll("#interval button")) {
    b.setAttribute("aria-pressed", String(b.dataset.interval === agg.interval));
  }
}

function renderDownloads() {
  for (const format of ["csv", "jsonl", "parquet"]) {
    $(`dl-${format}`).href = withParams(`${API}/export`, { format, sort: state.sort });
    $(`dl-${format}`).setAttribute("download", `passage-events.${format}`);
  }
}

let lastAggregate = null;

async function refresh() {
  const mine = ++generation;
  if (view() === "reports" && state.sort.endsWith("reports")) state.sort = "-date"; // facts only
  saveHash();
  renderDownloads();
  document.body.dataset.loading = "true";
  try {
    const offset = (state.page - 1) * PAGE_SIZE;
    const facts = view() === "facts"; // then the chart and corridors count each fact once too
    const unit = facts ? "facts" : "reports";
    const [page, agg, corridors] = await Promise.all([
      getJSON(withParams(facts ? `${API}/consolidated` : `${API}/events`, { sort: state.sort, limit: PAGE_SIZE, offset })),
      getJSON(withParams(`${API}/aggregates/people`, { interval: state.interval, by: "type", unit })),
      getJSON(withParams(`${API}/corridors`, { limit: 100, unit })),
    ]);
    if (mine !== generation) return;
    $("error").hidden = true;
    lastAggregate = agg;
    renderViewNote();
    renderTable(page);
    renderAggregate(agg);
    renderCorridors(corridors, facts ? "fact" : "event");
  } catch (err) {
    if (mine !== generation) return;
    $("error").textContent = `Could not load: ${err.message}`;
    $("error").hidden = false;
  } finally {
    if (mine === generation) document.body.dataset.loading = "false";
  }
}

// ------------------------------------------------------------------ detail

function showDrawer(kind, id) {
  $("detail-fact").hidden = kind !== "fact";
  $("detail-event").hidden = kind !== "event";
  $("detail").dataset.kind = kind;
  $("detail").dataset.id = id;
  $("detail").hidden = false;
  $("scrim").hidden = false;
}

function showBack(fact, fromFact) {
  const back = $("detail-back");
  back.hidden = !(fact && (fromFact || fact.members.length > 1));
  if (back.hidden) return;
  const told = `${fact.reports} report${fact.reports === 1 ? "" : "s"}`;
  back.textContent = fromFact ? `← The fact and its ${told}` : `One of ${told} of this fact: see them all →`;
  back.onclick = () => openFact(fact.id);
}

/** A consolidated event: its figure range and how it was combined, and every report of it. */
async function openFact(id) {
  const fact = await getJSON(`${API}/consolidated/${encodeURIComponent(id)}`);
  renderFactHeader($("detail-badges"), $("detail-title"), $("detail-meta"), fact, countryNames);
  renderFactFields($("detail-fields"), fact, countryNames);
  $("detail-method").textContent = `How the figure was combined: ${fact.method}.`;
  renderReports($("detail-reports"), fact, (eventId) => openDetail(eventId, fact));
  $("detail-back").hidden = true;
  showDrawer("fact", fact.id);
  $("detail").querySelector(".drawer-body").scrollTop = 0;
}

/** One report's event: its fields and the report's text with the evidence marked. */
async function openDetail(id, fromFact = null) {
  const ev = await getJSON(`${API}/events/${encodeURIComponent(id)}`);
  const factId = ev.consolidated_id;
  const [doc, fact] = await Promise.all([
    getJSON(`${API}/documents/${encodeURIComponent(ev.document.id)}`),
    fromFact || !factId ? fromFact : getJSON(`${API}/consolidated/${encodeURIComponent(factId)}`).catch(() => null),
  ]);
  renderHeader($("detail-badges"), $("detail-title"), $("detail-meta"), ev);
  renderFields($("detail-fields"), ev, countryNames);
  $("detail-citation").textContent = ev.citation;
  const others = doc.events.filter((o) => o.id !== ev.id).flatMap((o) => o.evidence);
  renderLegend($("detail-legend"), ev, others.length > 0);
  $("detail-text").replaceChildren(...markText(doc.text, doc.blocks, ev.spans, others));
  showBack(fact, Boolean(fromFact));
  showDrawer("event", id);
  $("detail-text").querySelector(".ev")?.scrollIntoView({ block: "center" });
}

function closeDetail() {
  $("detail").hidden = true;
  $("scrim").hidden = true;
}

// ------------------------------------------------------------------ wiring

function wire() {
  let typing;
  form.addEventListener("change", () => { state.page = 1; refresh(); });
  form.addEventListener("input", (e) => {
    if (e.target.type !== "search" && e.target.type !== "number") return;
    clearTimeout(typing);
    typing = setTimeout(() => { state.page = 1; refresh(); }, 300);
  });
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("reset", () => setTimeout(() => { state.page = 1; refresh(); }));
  $("prev").addEventListener("click", () => { state.page = Math.max(1, state.page - 1); refresh(); });
  $("next").addEventListener("click", () => { state.page += 1; refresh(); });
  document.querySelector("#events thead").addEventListener("click", (e) => {
    const th = e.target.closest("th[data-sort]");
    if (!th) return;
    const key = th.dataset.sort;
    const firstWay = key === "type" ? key : `-${key}`;
    state.sort = state.sort === firstWay ? (firstWay.startsWith("-") ? key : `-${key}`) : firstWay;
    state.page = 1;
    refresh();
  });
  for (const b of document.querySelectorAll("#view button")) {
    b.addEventListener("click", () => {
      if (b.disabled || view() === b.dataset.view) return;
      state.view = b.dataset.view;
      if (state.sort.endsWith("reports")) state.sort = "-date"; // only facts sort by reports
      state.page = 1;
      refresh();
    });
  }
  for (const b of document.querySelectorAll("#interval button")) {
    b.addEventListener("click", () => { state.interval = b.dataset.interval; refresh(); });
  }
  $("detail-close").addEventListener("click", closeDetail);
  $("scrim").addEventListener("click", closeDetail);
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") closeDetail(); });
  let resize;
  window.addEventListener("resize", () => {
    clearTimeout(resize);
    resize = setTimeout(() => lastAggregate && drawChart($("chart"), $("legend"), lastAggregate), 150);
  });
}

async function start() {
  wire();
  try {
    await loadFacets();
  } catch (err) {
    $("error").textContent = `Could not load: ${err.message}`;
    $("error").hidden = false;
  }
  loadHash();
  await refresh();
  document.body.dataset.ready = "true";
}

start();
