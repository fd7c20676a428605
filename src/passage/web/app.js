// The dashboard: filters -> (chart, corridors, table, downloads), and an event's detail.
import { drawChart, separateText } from "./chart.js";
import { markText, renderFields, renderHeader, renderLegend } from "./detail.js";
import { TYPES, dateText, fmt, h, peopleText, typeBadge, typeColor } from "./dom.js";

const API = "/api/v1";
const PAGE_SIZE = 25;
const FILTER_NAMES = ["type", "status", "country", "origin", "destination", "date_from", "date_to", "min_people", "q"];
const CORRIDORS_SHOWN = 12;

const $ = (id) => document.getElementById(id);
const form = $("filters");
const state = { sort: "-date", page: 1, interval: "month" };
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
  history.replaceState(null, "", params.toString() ? `#${params}` : location.pathname);
}

function loadHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  for (const name of FILTER_NAMES) if (params.has(name)) form.elements[name].value = params.get(name);
  state.sort = params.get("sort") || "-date";
  state.page = Number(params.get("page")) || 1;
  state.interval = params.get("interval") || "month";
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
  $("summary").textContent = `${fmt(facets.events)} events from ${fmt(facets.documents)} reports${span}`;
}

// ------------------------------------------------------------------ views

function renderTable(page) {
  const body = document.querySelector("#events tbody");
  body.replaceChildren();
  $("event-count").textContent = `(${fmt(page.count)})`;
  if (!page.data.length) {
    body.append(h("tr", {}, h("td", { class: "empty", colspan: 9 }, "No events match these filters.")));
  }
  for (const ev of page.data) {
    const date = ev.date_basis === "published"
      ? [ev.document.published, h("div", { class: "sub" }, "report date")]
      : [dateText(ev.date)];
    const route = [ev.origin.length ? ev.origin.map(country).flatMap((c, i) => (i ? [", ", c] : [c])) : "?",
      " → ", ev.destination ? country(ev.destination) : "?"];
    const people = [peopleText(ev.people)];
    if (ev.people?.cumulative) people.push(h("div", { class: "sub" }, "running total"));
    body.append(h("tr", { dataset: { id: ev.id, type: ev.type }, tabindex: 0, onclick: () => openDetail(ev.id),
      onkeydown: (e) => { if (e.key === "Enter") openDetail(ev.id); } },
    h("td", { class: "nowrap" }, ...date),
    h("td", {}, typeBadge(ev.type), ev.policy_kind ? h("div", { class: "sub" }, ev.policy_kind) : null),
    h("td", {}, h("span", { class: `status ${ev.status}` }, ev.status)),
    h("td", { class: "num" }, ...people),
    h("td", {}, ...route),
    h("td", {}, country(ev.location)),
    h("td", {}, ev.actor || ""),
    h("td", {}, ev.source || ""),
    h("td", { class: "evidence" }, h("span", {}, ev.evidence[0]?.text || ""))));
  }
  const first = page.count ? page.offset + 1 : 0;
  $("page-info").textContent = `${fmt(first)}–${fmt(page.offset + page.data.length)} of ${fmt(page.count)}`;
  $("prev").disabled = state.page <= 1;
  $("next").disabled = page.offset + page.data.length >= page.count;
  for (const th of document.querySelectorAll("#events th[data-sort]")) {
    const key = th.dataset.sort;
    th.setAttribute("aria-sort", state.sort === key ? "ascending" : state.sort === `-${key}` ? "descending" : "none");
  }
}

function renderCorridors(answer) {
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
    const events = `${c.events} event${c.events === 1 ? "" : "s"}`;
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
  saveHash();
  renderDownloads();
  document.body.dataset.loading = "true";
  try {
    const offset = (state.page - 1) * PAGE_SIZE;
    const [page, agg, corridors] = await Promise.all([
      getJSON(withParams(`${API}/events`, { sort: state.sort, limit: PAGE_SIZE, offset })),
      getJSON(withParams(`${API}/aggregates/people`, { interval: state.interval, by: "type" })),
      getJSON(withParams(`${API}/corridors`, { limit: 100 })),
    ]);
    if (mine !== generation) return;
    $("error").hidden = true;
    lastAggregate = agg;
    renderTable(page);
    renderAggregate(agg);
    renderCorridors(corridors);
  } catch (err) {
    if (mine !== generation) return;
    $("error").textContent = `Could not load: ${err.message}`;
    $("error").hidden = false;
  } finally {
    if (mine === generation) document.body.dataset.loading = "false";
  }
}

// ------------------------------------------------------------------ detail

async function openDetail(id) {
  const ev = await getJSON(`${API}/events/${encodeURIComponent(id)}`);
  const doc = await getJSON(`${API}/documents/${encodeURIComponent(ev.document.id)}`);
  renderHeader($("detail-badges"), $("detail-title"), $("detail-meta"), ev);
  renderFields($("detail-fields"), ev, countryNames);
  $("detail-citation").textContent = ev.citation;
  const others = doc.events.filter((o) => o.id !== ev.id).flatMap((o) => o.evidence);
  renderLegend($("detail-legend"), ev, others.length > 0);
  $("detail-text").replaceChildren(...markText(doc.text, doc.blocks, ev.spans, others));
  $("detail").dataset.id = id;
  $("detail").hidden = false;
  $("scrim").hidden = false;
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
  for (const th of document.querySelectorAll("#events th[data-sort]")) {
    th.addEventListener("click", () => {
      const key = th.dataset.sort;
      const firstWay = key === "type" ? key : `-${key}`;
      state.sort = state.sort === firstWay ? (firstWay.startsWith("-") ? key : `-${key}`) : firstWay;
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
