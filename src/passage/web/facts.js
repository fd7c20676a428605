// A consolidated event in the drawer: the fact, how its figure was combined, and every report of it.
import { dateText, fieldColor, fmt, h, peopleText, typeBadge } from "./dom.js";
import { conflictMarker } from "./table.js";

function named(code, names) {
  return names[code] ? `${names[code]} (${code})` : code;
}

/** "Germany → Georgia": the API's corridor ("DEU → GEO") in country names. */
export function corridorText(fact, names) {
  return fact.corridor.replace(/\b[A-Z]{3}\b/g, (code) => names[code] || code);
}

function reportedRange(fact) {
  if (fact.reported_low == null && fact.reported_high == null) return "";
  if (fact.reported_high == null) return `from ${fmt(fact.reported_low)} (one report gives no upper bound)`;
  if (fact.reported_low === fact.reported_high) return fmt(fact.reported_low);
  return `${fmt(fact.reported_low)} to ${fmt(fact.reported_high)}`;
}

export function renderFactHeader(badges, title, meta, fact, names) {
  const told = `${fmt(fact.reports)} report${fact.reports === 1 ? "" : "s"}`;
  badges.replaceChildren(typeBadge(fact.type), h("span", { class: "tag" }, fact.status),
    h("span", { class: "tag" }, told), conflictMarker(fact));
  title.replaceChildren(`${fact.type}${fact.policy_kind ? ` (${fact.policy_kind})` : ""}: ${corridorText(fact, names)}`);
  const when = fact.date ? dateText(fact.date) : fact.first_published ? `reported ${fact.first_published}` : "undated";
  const parts = [when, `told by ${told} in ${fmt(fact.documents)} document${fact.documents === 1 ? "" : "s"}`,
    `consolidated event ${fact.id}`];
  meta.replaceChildren(parts.join(" · "));
}

/** The fact's own fields: its figure (the range of its reports') and where and when. */
export function renderFactFields(dl, fact, names) {
  const rows = [
    ["people", fact.people ? peopleText(fact.people) + (fact.people.cumulative ? " (running total)" : "") : "—"],
    ["reports say", reportedRange(fact)],
    ["date", fact.date ? dateText(fact.date) + (fact.date.precision ? ` (${fact.date.precision})` : "") : ""],
    ["origin", fact.origin.map((c) => named(c, names)).join(", ")],
    ["destination", fact.destination ? named(fact.destination, names) : ""],
    ["location", fact.location ? named(fact.location, names) : ""],
    ["sources", fact.sources.join("; ")],
  ];
  dl.replaceChildren();
  for (const [name, text] of rows) {
    if (!text) continue;
    const swatch = ["people", "date", "origin", "destination", "location"].includes(name)
      ? h("span", { class: "swatch", style: `background:${fieldColor(name)}` }) : null;
    dl.append(h("dt", {}, swatch, name), h("dd", {}, text));
  }
}

function relationTags(member) {
  const tags = [];
  if (member.relation === "copy") tags.push(h("span", { class: "tag" }, "copy of another report"));
  if (member.relation === "version") tags.push(h("span", { class: "tag" }, "updated version"));
  if (member.superseded) tags.push(h("span", { class: "tag superseded" }, "superseded by a later version"));
  return tags;
}

/** Every report of the fact: outlet, date, title, its own figure and source, and its evidence. */
export function renderReports(list, fact, openReport) {
  list.replaceChildren();
  for (const m of fact.members) {
    const doc = m.document;
    const open = () => openReport(m.event_id);
    const link = doc.url
      ? h("a", { href: doc.url, target: "_blank", rel: "noopener noreferrer", onclick: (e) => e.stopPropagation() },
        doc.title || doc.url)
      : doc.title || "Untitled report";
    list.append(h("li", { class: `report${m.superseded ? " superseded" : ""}`, dataset: { eventId: m.event_id } },
      h("div", { class: "report-head" }, h("strong", {}, doc.outlet || "unknown outlet"), " · ",
        doc.published || "no date", " · ", link, ...relationTags(m)),
      h("div", { class: "report-figure" },
        h("span", { class: "label" }, "figure "), h("b", { class: "figure" }, m.people ? peopleText(m.people) : "none"),
        h("span", { class: "label" }, " · source "), h("span", { class: "source" }, m.source || "not stated")),
      h("blockquote", {}, m.evidence.map((q) => q.text).join(" … ")),
      h("button", { type: "button", class: "btn ghost small", onclick: open }, "Show the evidence in the report →")));
  }
}
