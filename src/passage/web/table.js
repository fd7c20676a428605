// The event table's two views: one row per fact (consolidated events), or one per report's event.
import { dateText, fmt, h, peopleText, typeBadge } from "./dom.js";

const COLUMNS = {
  facts: [
    ["Date", "date"], ["Type", "type"], ["Status"], ["People", "people", "num"], ["Origin → Destination"],
    ["Location"], ["Reports", "reports", "num"], ["Sources"], ["Evidence (first report)", null, "evidence-col"],
  ],
  reports: [
    ["Date", "date"], ["Type", "type"], ["Status"], ["People", "people", "num"], ["Origin → Destination"],
    ["Location"], ["Actor"], ["Source"], ["Evidence", null, "evidence-col"],
  ],
};

export const COLUMN_COUNT = COLUMNS.reports.length;

/** The header row of ``view``, with sortable columns marked as ``sort`` says. */
export function renderHead(thead, view, sort) {
  const cells = COLUMNS[view].map(([label, key, cls]) => {
    const classes = [key ? "sortable" : "", cls || ""].filter(Boolean).join(" ");
    const ariaSort = !key ? null : sort === key ? "ascending" : sort === `-${key}` ? "descending" : "none";
    return h("th", { class: classes || null, dataset: key ? { sort: key } : null, "aria-sort": ariaSort }, label);
  });
  thead.replaceChildren(h("tr", {}, ...cells));
}

function route(item, country) {
  const origin = item.origin.length ? item.origin.map(country).flatMap((c, i) => (i ? [", ", c] : [c])) : "?";
  return [origin, " → ", item.destination ? country(item.destination) : "?"];
}

function when(item, published) {
  return item.date_basis === "published"
    ? [published, h("div", { class: "sub" }, "report date")]
    : [dateText(item.date)];
}

function typeCell(item) {
  return h("td", {}, typeBadge(item.type), item.policy_kind ? h("div", { class: "sub" }, item.policy_kind) : null);
}

function openable(attrs, open) {
  return { ...attrs, tabindex: 0, onclick: open, onkeydown: (e) => { if (e.key === "Enter") open(); } };
}

/** One report's event as a row (the "every report" view). */
export function eventRow(ev, country, open) {
  const people = [peopleText(ev.people)];
  if (ev.people?.cumulative) people.push(h("div", { class: "sub" }, "running total"));
  return h("tr", openable({ dataset: { id: ev.id, type: ev.type, fact: ev.consolidated_id || "" } }, open),
    h("td", { class: "nowrap" }, ...when(ev, ev.document.published)),
    typeCell(ev),
    h("td", {}, h("span", { class: `status ${ev.status}` }, ev.status)),
    h("td", { class: "num" }, ...people),
    h("td", {}, ...route(ev, country)),
    h("td", {}, country(ev.location)),
    h("td", {}, ev.actor || ""),
    h("td", {}, ev.source || ""),
    h("td", { class: "evidence" }, h("span", {}, ev.evidence[0]?.text || "")));
}

/** "3 reports" (and "4 documents" when copies of one text were counted once). */
export function reportsBadge(fact) {
  const badge = h("span", { class: `reports-badge${fact.reports > 1 ? " many" : ""}` },
    `${fmt(fact.reports)} report${fact.reports === 1 ? "" : "s"}`);
  const docs = fact.documents > fact.reports ? h("div", { class: "sub" }, `${fmt(fact.documents)} documents`) : null;
  return [badge, docs];
}

export function conflictMarker(fact) {
  return fact.conflict
    ? h("span", { class: "conflict", title: `The reports' figures differ: ${fact.method}` }, "⚠ figures differ")
    : null;
}

/** One consolidated event as a row (the default view): its figure range, reports and conflict. */
export function factRow(fact, country, open) {
  const people = [peopleText(fact.people)];
  if (fact.people?.cumulative) people.push(h("div", { class: "sub" }, "running total"));
  const marker = conflictMarker(fact);
  if (marker) people.push(h("div", {}, marker));
  const first = fact.first_report;
  const dataset = { id: fact.id, type: fact.type, reports: fact.reports, conflict: String(fact.conflict) };
  return h("tr", openable({ class: "fact", dataset }, open),
    h("td", { class: "nowrap" }, ...when(fact, fact.first_published)),
    typeCell(fact),
    h("td", {}, h("span", { class: `status ${fact.status}` }, fact.status)),
    h("td", { class: "num" }, ...people),
    h("td", {}, ...route(fact, country)),
    h("td", {}, country(fact.location)),
    h("td", { class: "num" }, ...reportsBadge(fact)),
    h("td", {}, fact.sources.join("; ")),
    h("td", { class: "evidence" }, h("span", {}, first?.evidence[0]?.text || ""),
      first ? h("div", { class: "sub" }, `— ${first.document.outlet || first.document.title || "report"}`) : null));
}

export function emptyRow(text) {
  return h("tr", {}, h("td", { class: "empty", colspan: COLUMN_COUNT }, text));
}
