// The health audit log, for health officers: overrides, rule changes, printed passes and reads
// of someone's declarations, newest first, by person and by kind, with who did it.

import { get } from "../api.js";
import { h } from "../dom.js";
import { formatDate, formatTime, t } from "../i18n.js";
import { icon } from "../icons.js";
import { showError } from "../toast.js";
import { consoleNav } from "../ui/console-nav.js";
import { chip } from "../ui/reasons.js";

export const title = () => t("tools.audit.title");

const KINDS = ["override", "rules_changed", "declaration_read", "printed_pass_issued"];

export function render(ctx) {
  const params = new URLSearchParams(location.search);
  const person = params.get("person") || "";
  const kind = KINDS.includes(params.get("kind")) ? params.get("kind") : "";
  const form = h("form", { class: "card form audit-filters", role: "search" },
    h("div", { class: "field" },
      h("label", { class: "label", for: "audit-person" }, t("console.auditPerson")),
      h("input", { id: "audit-person", name: "person", class: "input", value: person,
        autocomplete: "off", placeholder: "E0001" })),
    h("div", { class: "field" },
      h("label", { class: "label", for: "audit-kind" }, t("console.auditKind")),
      h("select", { id: "audit-kind", name: "kind", class: "input" },
        h("option", { value: "" }, t("console.auditAllKinds")),
        KINDS.map((k) => h("option", { value: k, selected: k === kind }, t(`console.action.${k}`))))),
    h("button", { type: "submit", class: "btn btn-secondary" }, t("console.auditFilter")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    const who = form.elements.person.value.trim();
    if (who) query.set("person", who);
    if (form.elements.kind.value) query.set("kind", form.elements.kind.value);
    ctx.navigate(`/tools/health/audit${query.size ? `?${query}` : ""}`);
  });
  const list = h("ul", { class: "card list audit" });
  const end = h("div", { class: "actions" });
  const page = h("div", { class: "page page-console" }, consoleNav(ctx),
    h("h1", { class: "page-title" }, t("tools.audit.title")),
    h("p", { class: "lead" }, t(person || kind ? "console.auditFiltered" : "console.auditToday")),
    form, list, end);
  const query = new URLSearchParams({ limit: "50" });
  if (person) query.set("person", person);
  if (kind) query.set("kind", kind);
  let cursor = null;
  const load = async () => {
    end.replaceChildren();
    if (cursor) query.set("cursor", cursor);
    const answer = await get(`/api/health/audit?${query}`);
    list.append(...answer.items.map(entry));
    cursor = answer.cursor;
    if (cursor) {
      end.append(h("button", { type: "button", class: "btn btn-secondary",
        onclick: () => load().catch(showError) }, t("feed.more")));
    } else if (!list.childElementCount) {
      list.append(h("li", { class: "row row-meta" }, t("console.auditEmpty")));
    }
  };
  load().catch(showError);
  return page;
}

function detail(item) {
  const d = item.detail || {};
  if (item.action === "override") {
    return [chip(d.status), " ", d.reason];
  }
  if (item.action === "rules_changed") {
    return t("console.auditVersion", { from: d.previous_version, to: d.version });
  }
  return null;
}

function entry(item) {
  const at = new Date(item.at * 1000);
  const label = `console.action.${item.action}`;
  return h("li", { class: "row audit-entry" },
    h("span", { class: "row-icon" }, icon(item.action === "override" ? "alert" : "clock", 20)),
    h("span", { class: "row-body" },
      h("span", { class: "row-title" }, t(label) === label ? item.action : t(label)),
      h("span", { class: "row-meta" }, `${formatDate(at, { day: "numeric", month: "short" })} ${formatTime(at)}`,
        " · ", t("console.auditBy", { name: item.actor_name }),
        item.subject_id && [" · ", h("a", { href: `/tools/health/audit?person=${encodeURIComponent(item.subject_id)}`,
          "data-link": true }, item.subject_id)]),
      detail(item) && h("span", { class: "hold-why" }, detail(item))));
}
