// Safety check-ins (checkins.run: HR, admins, safety operators): start one, and every check-in,
// open ones first, each with its answers so far and a link to its live view.

import { h } from "../dom.js";
import { formatAgo, formatNumber, t } from "../i18n.js";
import { icon } from "../icons.js";
import { kindBadge, question } from "../ui/checkin-card.js";
import { pagedList } from "../ui/paged.js";

export const title = () => t("tools.checkins.title");

export function render() {
  return h("div", { class: "page page-checkins" },
    h("a", { href: "/more", "data-link": true, class: "back-link" }, icon("back", 20), t("tools.back")),
    h("h1", { class: "page-title" }, t("tools.checkins.title")),
    h("p", { class: "lead" }, t("tools.checkins.text")),
    h("a", { href: "/tools/checkins/new", "data-link": true, class: "btn btn-primary checkin-start-link" },
      icon("alert", 20), t("checkins.start")),
    list("open"), list("closed"));
}

function list(state) {
  const paged = pagedList(`/api/checkins?state=${state}`, { item: row, className: "card list checkin-list",
    label: t(`checkins.${state}`),
    empty: () => h("p", { class: "checkin-none" }, t(`checkins.none.${state}`)) });
  return h("section", { class: "section", "aria-labelledby": `checkins-${state}` },
    h("h2", { id: `checkins-${state}`, class: "section-title" }, t(`checkins.${state}`)),
    paged.element);
}

function row(checkin) {
  const { counts } = checkin;
  const answered = counts.safe + counts.need_help + counts.not_affected;
  return h("a", { href: `/tools/checkins/${encodeURIComponent(checkin.id)}`, "data-link": true,
    class: "row row-link checkin-row" },
  h("span", { class: "row-body" },
    h("span", { class: "checkin-row-head" }, kindBadge(checkin.drill),
      h("span", { class: "row-meta" }, formatAgo(Date.parse(checkin.started_at)))),
    question(checkin.question, "span", { class: "row-title" }),
    h("span", { class: "row-meta" }, checkin.audience_name, " · ",
      t("checkins.answered", { count: formatNumber(answered), size: formatNumber(counts.audience_size) })),
    counts.need_help > 0 && h("span", { class: "checkin-row-help" }, icon("alert", 16),
      t("checkins.needHelp", { count: formatNumber(counts.need_help) }))),
  icon("chevron", 20));
}
