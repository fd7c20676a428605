// The event detail: its fields with their source spans, and the report with the evidence marked.
import { FIELDS, dateText, fieldColor, h, peopleText, typeBadge } from "./dom.js";

/**
 * Split ``text`` at every span boundary and wrap each piece in a <span> saying what covers it:
 * class "ev" (data-ev = evidence index) for the event's evidence, "fld" with data-fields for
 * field spans, "other-ev" for other events' evidence; blocks give "dropped" and "caption".
 */
export function markText(text, blocks, spans, otherEvidence) {
  const cuts = new Set([0, text.length]);
  const ranges = [];
  const add = (start, end, kind, value) => {
    if (!(end > start)) return;
    cuts.add(start);
    cuts.add(end);
    ranges.push({ start, end, kind, value });
  };
  for (const b of blocks) if (b.kind !== "body") add(b.start, b.end, "block", b.kind);
  for (const o of otherEvidence) add(o.start, o.end, "other", 0);
  let evIndex = 0;
  for (const sp of spans) {
    if (sp.field === "event") add(sp.start, sp.end, "ev", evIndex++);
    else add(sp.start, sp.end, "field", sp.field);
  }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const covering = ranges.filter((r) => r.start <= start && r.end >= end);
    const piece = text.slice(start, end);
    if (!covering.length) {
      pieces.push(document.createTextNode(piece));
      continue;
    }
    const classes = [];
    const attrs = {};
    const fields = [];
    for (const r of covering) {
      if (r.kind === "block") classes.push(r.value);
      else if (r.kind === "other") classes.push("other-ev");
      else if (r.kind === "ev") { classes.push("ev"); attrs["data-ev"] = r.value; }
      else if (!fields.includes(r.value)) fields.push(r.value);
    }
    if (fields.length) {
      classes.push("fld");
      attrs["data-fields"] = fields.join(" ");
      attrs.style = `--fc:${fieldColor(fields[0])}`;
      attrs.title = fields.join(", ");
    }
    const shown = classes.includes("ev") ? classes.filter((c) => c !== "other-ev") : classes;
    pieces.push(h("span", { class: shown.join(" "), ...attrs }, piece));
  }
  return pieces;
}

function value(ev, field, names) {
  const named = (code) => (names[code] ? `${code} (${names[code]})` : code);
  switch (field) {
    case "people": return ev.people ? peopleText(ev.people) + (ev.people.cumulative ? " (running total)" : "") : "";
    case "origin": return ev.origin.map(named).join(", ");
    case "location": case "destination": return ev[field] ? named(ev[field]) : "";
    case "places": return ev.places.join("; ");
    case "date": return dateText(ev.date) + (ev.date?.precision ? ` (${ev.date.precision})` : "");
    case "change": {
      if (!ev.change) return "";
      const c = ev.change;
      return [c.factor != null ? `×${c.factor}` : "", c.from != null ? `from ${c.from}` : "", c.baseline || ""]
        .filter(Boolean).join(" ");
    }
    default: return ev[field] ?? "";
  }
}

/** Fill the drawer's fields list: each field's value and the text it was read from. */
export function renderFields(dl, ev, names = {}) {
  dl.replaceChildren();
  const rows = [["type", ev.policy_kind ? `${ev.type} (${ev.policy_kind})` : ev.type], ["status", ev.status]];
  for (const [name, text] of rows) dl.append(h("dt", {}, name), h("dd", {}, text));
  for (const field of FIELDS) {
    const shown = value(ev, field, names);
    const from = ev.spans.filter((sp) => sp.field === field).map((sp) => `“${sp.text}”`);
    if (!shown && !from.length) continue;
    dl.append(
      h("dt", {}, h("span", { class: "swatch", style: `background:${fieldColor(field)}` }), field),
      h("dd", {}, shown || "—", from.length ? h("span", { class: "from" }, `  from ${from.join(", ")}`) : null),
    );
  }
}

export function renderLegend(el, ev, others = false) {
  el.replaceChildren(h("span", { class: "item" }, h("span", { class: "swatch", style: "background:var(--evidence);outline:1px solid #e0cf6a" }), "evidence"));
  const used = new Set(ev.spans.map((sp) => sp.field));
  for (const field of FIELDS) {
    if (!used.has(field)) continue;
    el.append(h("span", { class: "item" }, h("span", { class: "swatch", style: `background:${fieldColor(field)}` }), field));
  }
  if (others) {
    el.append(h("span", { class: "item hint" }, h("span", { class: "swatch", style: "background:#eef2f7;outline:1px solid #cdd6e2" }), "other events in this report"));
  }
}

export function renderHeader(badges, title, meta, ev) {
  badges.replaceChildren(typeBadge(ev.type), h("span", { class: "tag" }, ev.status));
  const doc = ev.document;
  title.replaceChildren(doc.title || "Untitled report");
  const parts = [doc.published ? `published ${doc.published}` : "no publication date", `document ${doc.id}`];
  meta.replaceChildren(parts.join(" · "), " · ",
    doc.url ? h("a", { href: doc.url, target: "_blank", rel: "noopener noreferrer", id: "detail-url" }, "original report ↗") : "no url");
}
