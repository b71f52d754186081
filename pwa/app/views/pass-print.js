// A pass on paper, for a day without a phone. Paper can be copied, so it is deliberate: the
// person reads a warning first (a health officer gives a reason instead), the server records
// it, and guards see "Printed pass — check photo ID". The sheet prints alone (@media print).

import { post } from "../api.js";
import { h } from "../dom.js";
import { formatDate, t } from "../i18n.js";
import { icon } from "../icons.js";
import { can } from "../permissions.js";
import { qrSvg } from "../pass/qr.js";
import { statusLine } from "../pass/status.js";
import { clearErrors, showError } from "../toast.js";

export const title = () => t("pass.print.title");

export function render(ctx) {
  const officer = can(ctx.user, "health.oversee");
  const body = h("div", { class: "pp-body" });
  const root = h("div", { class: "page pp-page" },
    h("a", { href: "/pass", "data-link": true, class: "back-link pp-noprint" }, icon("back", 20),
      t("pass.print.back")),
    h("h1", { class: "page-title pp-noprint" }, t("pass.print.title")), body);
  body.append(form(ctx, officer, body));
  return root;
}

function field(id, label, attrs = {}) {
  return h("div", { class: "field" },
    h("label", { class: "label", for: id }, label),
    h("input", { id, class: "input", type: "text", autocomplete: "off",
      "aria-describedby": `${id}-error`, ...attrs }),
    h("p", { id: `${id}-error`, class: "field-error", hidden: true }));
}

function form(ctx, officer, body) {
  const understood = h("input", { id: "pp-understood", type: "checkbox", name: "understood" });
  const el = h("form", { class: "card form pp-form", novalidate: true },
    h("p", { class: "form-error", role: "alert", hidden: true }),
    h("div", { class: "pp-warning", role: "note" }, icon("alert", 28),
      h("div", {},
        h("p", { class: "pp-warning-title" }, t("pass.print.warningTitle")),
        h("p", {}, t("pass.print.warning")))),
    officer && h("fieldset", { class: "pp-officer" },
      h("legend", { class: "label" }, t("pass.print.forSomeone")),
      field("pp-employee", t("pass.print.employee"), { name: "employee_id",
        placeholder: ctx.user.id }),
      field("pp-reason", t("pass.print.reason"), { name: "reason" })),
    h("label", { class: "pp-check", for: "pp-understood" }, understood,
      h("span", {}, t("pass.print.understood"))),
    h("p", { id: "pp-understood-error", class: "field-error", hidden: true }),
    h("button", { type: "submit", class: "btn btn-primary" }, t("pass.print.make")));
  el.addEventListener("submit", (event) => {
    event.preventDefault();
    clearErrors(el);
    const data = new FormData(el);
    const employeeId = (data.get("employee_id") || "").trim();
    const request = employeeId && employeeId !== ctx.user.id
      ? { employee_id: employeeId, reason: (data.get("reason") || "").trim() }
      : { understood: understood.checked };
    post("/api/health/printed-passes", request)
      .then((printed) => body.replaceChildren(sheet(printed)))
      .catch((error) => showError(error, { form: el }));
  });
  return el;
}

/** The page that goes on paper: who, which colour, which day, until when, and how to use it. */
function sheet(printed) {
  const until = new Date(printed.expires_at * 1000);
  return h("div", { class: "pp-done" },
    h("article", { class: `pp-sheet pp-${printed.status}`, "aria-labelledby": "pp-name" },
      h("p", { class: "pp-brand" }, t("pass.print.brand")),
      statusLine(printed.status, "pp-status"),
      h("p", { id: "pp-name", class: "pp-name" }, printed.name),
      h("p", { class: "pp-id" }, t("scan.employee", { id: printed.employee_id })),
      h("figure", { class: "pp-qr", "data-qr": printed.qr },
        qrSvg(printed.qr, t("pass.print.qrLabel", { name: printed.name }))),
      h("dl", { class: "pp-facts" },
        h("dt", {}, t("pass.print.date")),
        h("dd", {}, formatDate(new Date(printed.issued_at * 1000))),
        h("dt", {}, t("pass.print.validUntil")),
        h("dd", {}, `${formatDate(until)} ${clock(until)}`)),
      h("h2", { class: "pp-how-title" }, t("pass.print.howTitle")),
      h("ol", { class: "pp-how" },
        h("li", {}, t("pass.print.how1")),
        h("li", {}, t("pass.print.how2")),
        h("li", {}, t("pass.print.how3")))),
    h("button", { type: "button", class: "btn btn-primary pp-noprint",
      onclick: () => window.print() }, icon("print", 20), t("pass.print.print")));
}

const clock = (date) => new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit",
  hourCycle: "h23" }).format(date);
