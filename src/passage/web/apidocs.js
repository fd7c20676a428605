// A plain, offline reading of /openapi.json: each operation, its description and parameters.
import { h } from "./dom.js";

function typeOf(schema = {}) {
  if (schema.anyOf) return schema.anyOf.map(typeOf).filter((t) => t !== "null").join(" | ");
  if (schema.enum) return schema.enum.join(" | ");
  return schema.type || "";
}

async function main() {
  const spec = await (await fetch("/openapi.json")).json();
  document.getElementById("version").textContent = `${spec.info.title} ${spec.info.version} — ${spec.info.description || ""}`;
  const ops = document.getElementById("ops");
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [verb, op] of Object.entries(methods)) {
      const params = (op.parameters || []).map((p) => h("tr", {},
        h("td", {}, p.name + (p.required ? " *" : "")),
        h("td", {}, typeOf(p.schema)),
        h("td", {}, p.schema?.default != null ? String(p.schema.default) : ""),
        h("td", {}, p.description || p.schema?.description || "")));
      ops.append(h("section", { class: "card op" },
        h("h2", {}, h("span", { class: "verb" }, verb.toUpperCase()), path),
        h("p", {}, op.description || op.summary || ""),
        params.length ? h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "parameter"), h("th", {}, "type"),
          h("th", {}, "default"), h("th", {}, "description"))), h("tbody", {}, params)) : null));
    }
  }
}

main();
