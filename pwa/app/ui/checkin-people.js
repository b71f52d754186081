// The people of a check-in for its operators (GET /api/checkins/<id>/people): those who need
// help, with their note, call and email buttons and the case (open / contacted / resolved, with
// notes); and those who have not answered. Never shown to anyone without checkins.run.

import { h } from "../dom.js";
import { formatAgo, formatTime, t } from "../i18n.js";
import { icon } from "../icons.js";
import { send } from "../sending.js";
import { toast } from "../toast.js";
import { pagedList } from "./paged.js";

export const STATUSES = ["open", "contacted", "resolved"];

/** A paged list of the people who gave `answer` ("need_help", "no_answer"...). */
export function peopleList(checkinId, answer, { closed = false } = {}) {
  const url = `/api/checkins/${encodeURIComponent(checkinId)}/people?answer=${answer}`;
  return pagedList(url, { className: `checkin-people is-${answer}`, label: t(`live.list.${answer}`),
    item: (entry) => personCard(checkinId, entry, { closed }),
    empty: () => h("p", { class: "checkin-none" }, t(`live.none.${answer}`)) });
}

function personCard(checkinId, { person, answer, note, at, case: held }, { closed }) {
  const where = [person.business_unit, person.site].filter(Boolean).join(" · ");
  return h("article", { class: `card checkin-person is-${answer}`, "data-person": person.id },
    h("div", { class: "checkin-person-head" },
      h("h3", { class: "checkin-person-name" }, person.name),
      at && h("span", { class: "row-meta" }, formatAgo(Date.parse(at)))),
    h("p", { class: "row-meta" }, where),
    note && h("p", { class: "checkin-person-note", dir: "auto" }, note),
    h("div", { class: "checkin-contact" },
      person.phone && h("a", { class: "btn btn-secondary btn-small", href: `tel:${person.phone}` },
        icon("phone", 18), t("live.call"), h("span", { class: "visually-hidden" }, ` ${person.name}`)),
      person.email && h("a", { class: "btn btn-secondary btn-small", href: `mailto:${person.email}` },
        icon("send", 18), t("live.email"), h("span", { class: "visually-hidden" }, ` ${person.name}`))),
    answer === "need_help" && caseBox(checkinId, person, held, closed));
}

/** The case of someone who needs help: its status and notes, changed through the outbox. */
function caseBox(checkinId, person, held, closed) {
  const current = held ?? { status: "open", notes: [] };
  const notes = h("ul", { class: "checkin-case-notes" });
  const showNotes = (list) => notes.replaceChildren(...list.map((n) => h("li", {},
    h("span", { class: "row-meta" }, `${n.by} · ${formatTime(Date.parse(n.at))}`), " ",
    h("span", { dir: "auto" }, n.text))));
  showNotes(current.notes);
  const id = `case-${person.id}`;
  const status = h("select", { id: `${id}-status`, name: "status", class: "input", disabled: closed },
    STATUSES.map((s) => h("option", { value: s, selected: s === current.status }, t(`live.case.${s}`))));
  const text = h("input", { id: `${id}-note`, name: "note", class: "input", maxlength: 500,
    placeholder: t("live.caseNotePlaceholder"), disabled: closed });
  const save = h("button", { type: "submit", class: "btn btn-primary btn-small", disabled: closed },
    t("live.caseSave"));
  const form = h("form", { class: "checkin-case", "aria-label": t("live.caseOf", { name: person.name }) },
    h("div", { class: "checkin-case-fields" },
      h("div", { class: "field" }, h("label", { class: "label", for: status.id }, t("live.caseStatus")), status),
      h("div", { class: "field" }, h("label", { class: "label", for: text.id }, t("live.caseNote")), text)),
    save, notes);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    save.disabled = true;
    const url = `/api/checkins/${encodeURIComponent(checkinId)}/cases/${encodeURIComponent(person.id)}`;
    const result = await send({ url, body: { status: status.value, note: text.value.trim() },
      label: "outbox.checkinCase" }).finally(() => { save.disabled = false; });
    if (result.state === "delivered") {
      text.value = "";
      showNotes(result.data.notes);
      toast(t("live.caseSaved", { name: person.name }));
    } else if (result.state === "queued") {
      toast(t("live.caseLater"));
    } else {
      toast(result.error, { kind: "error" });
    }
  });
  return form;
}
