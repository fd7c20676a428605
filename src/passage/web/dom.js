// Small helpers shared by the dashboard modules: safe DOM building, formatting, colours.

export const TYPES = ["removal", "return", "apprehension", "detention", "operation", "arrival", "policy"];

// Fields whose source spans are marked in the report text, in legend order.
export const FIELDS = [
  "people", "origin", "destination", "location", "date", "actor", "source", "places", "change", "trigger",
];

const numberFormat = new Intl.NumberFormat("en");

export function fmt(n) {
  return n == null ? "" : numberFormat.format(n);
}

export function compact(n) {
  if (n >= 1e6) return `${+(n / 1e6).toFixed(1)}M`;
  if (n >= 1e3) return `${+(n / 1e3).toFixed(1)}k`;
  return String(n);
}

export function typeColor(type) {
  return TYPES.includes(type) ? `var(--t-${type})` : "#9aa4b1";
}

export function fieldColor(field) {
  return FIELDS.includes(field) ? `var(--f-${field})` : "#999";
}

/** Build an element: attributes (class, dataset, style, on* handlers) and children (text is escaped). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key === "style") el.style.cssText = value;
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value != null) el.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child == null) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** "120", "≈ 3,000", "≥ 85", "8,000–10,000", with "/day" for rates. */
export function peopleText(p) {
  if (!p) return "";
  let text;
  if (p.low != null && p.high != null) text = p.low === p.high ? fmt(p.low) : `${fmt(p.low)}–${fmt(p.high)}`;
  else if (p.low != null) text = `≥ ${fmt(p.low)}`;
  else text = `≤ ${fmt(p.high)}`;
  if (p.approx) text = `≈ ${text.replace(/^[≥≤] /, "")}`;
  if (p.per) text += ` /${p.per}`;
  return text;
}

export function dateText(d) {
  if (!d || !d.start) return "";
  if (!d.end || d.end === d.start) return d.start;
  if (d.precision === "year") return d.start.slice(0, 4);
  if (d.precision === "month") return d.start.slice(0, 7);
  return `${d.start} – ${d.end}`;
}

export function typeBadge(type) {
  return h("span", { class: "badge", style: `background:${typeColor(type)}` }, type);
}
