// Tips: posters and short guides (working from home, time, health, family), searched in
// either language and by tag; each tip opened once stays on this phone for offline, and the
// last section says how much of its budget that takes, with a way to clear it.

import { h } from "../dom.js";
import { formatNumber, t } from "../i18n.js";
import { icon } from "../icons.js";
import { can } from "../permissions.js";
import { BUDGET_BYTES, clearTips, usage } from "../tips-cache.js";
import { showError, toast } from "../toast.js";
import { pagedList } from "../ui/paged.js";
import { megabytes, tagName, TAGS, tipCard } from "../ui/tip-card.js";

export const title = () => t("tips.title");

export function render(ctx) {
  const params = new URLSearchParams(location.search);
  const q = params.get("q") ?? "";
  const tag = params.get("tag") ?? "";
  const query = new URLSearchParams(Object.entries({ q, tag }).filter(([, v]) => v)).toString();
  const search = h("form", { class: "tips-search", role: "search" },
    h("label", { class: "visually-hidden", for: "tips-q" }, t("tips.search")),
    h("input", { id: "tips-q", name: "q", type: "search", class: "input", value: q, maxlength: 80,
      placeholder: t("tips.searchHint"), enterkeyhint: "search" }),
    h("button", { type: "submit", class: "btn btn-primary btn-small" }, t("tips.find")));
  search.addEventListener("submit", (event) => {
    event.preventDefault();
    ctx.navigate(link(search.elements.q.value.trim(), tag));
  });
  return h("div", { class: "page page-tips" },
    h("a", { href: "/more", "data-link": true, class: "back-link" }, icon("back", 20), t("events.back")),
    h("div", { class: "events-top" },
      h("h1", { class: "page-title" }, t("tips.title")),
      can(ctx.user, "tips.publish") && h("a", { href: "/tools/tips", "data-link": true,
        class: "btn btn-secondary btn-small" }, t("tips.publish"))),
    search,
    h("div", { class: "tip-chips", role: "group", "aria-label": t("tips.tags") },
      ["", ...TAGS].map((name) => h("a", { href: link(q, name), "data-link": true, class: "tip-chip",
        "aria-current": name === tag ? "page" : null }, name ? tagName(name) : t("tips.all")))),
    pagedList(`/api/tips${query ? `?${query}` : ""}`, { item: tipCard, className: "tips-list",
      label: t("tips.title"), empty: () => h("p", { class: "card tips-empty" },
        q || tag ? t("tips.none") : t("tips.noneYet")) }).element,
    savedSection());
}

const link = (q, tag) => {
  const query = new URLSearchParams(Object.entries({ q, tag }).filter(([, v]) => v)).toString();
  return query ? `/tips?${query}` : "/tips";
};

/** "Saved for offline": how much of the budget the kept tips take, and "Clear". */
function savedSection() {
  const meter = h("meter", { class: "tips-meter", min: 0, max: BUDGET_BYTES, value: 0,
    "aria-labelledby": "saved-title" });
  const words = h("p", { class: "row-meta tips-used" });
  const clear = h("button", { type: "button", class: "btn btn-secondary btn-small", onclick: async () => {
    await clearTips();
    toast(t("tips.cleared"));
    update();
  } }, icon("trash", 18), t("tips.clear"));
  const update = () => usage().then(({ used, budget, tips }) => {
    meter.value = used;
    words.textContent = t("tips.used", { used: megabytes(used), budget: megabytes(budget),
      count: formatNumber(tips) });
    clear.disabled = used === 0;
  }, showError);
  update();
  return h("section", { class: "section tips-saved", "aria-labelledby": "saved-title" },
    h("h2", { id: "saved-title", class: "section-title" }, t("tips.saved")),
    h("div", { class: "card tips-saved-card" }, h("p", { class: "hint" }, t("tips.savedText")),
      meter, words, clear));
}
