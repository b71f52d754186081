// Several people, found by name (GET /api/people/search, either script) and listed as chips
// that a tap removes: the "listed people" of an audience (check-ins).

import { get } from "../api.js";
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { showError } from "../toast.js";

/** Returns {element, ids()}; `id` and `name` name the search box (its label, its errors). */
export function peopleChooser({ id, name, label }) {
  const chosen = new Map(); // id -> name
  const chips = h("ul", { class: "people-chosen", "aria-live": "polite" });
  const results = h("ul", { class: "card list people-results", hidden: true });
  const search = h("input", { id, name, type: "search", class: "input", autocomplete: "off",
    placeholder: t("picker.peopleSearch"), "aria-describedby": `${id}-error` });
  const showChips = () => chips.replaceChildren(...[...chosen].map(([personId, name]) =>
    h("li", {}, h("button", { type: "button", class: "people-chip",
      "aria-label": t("picker.peopleRemove", { name }), onclick: () => {
        chosen.delete(personId);
        showChips();
      } }, name, h("span", { "aria-hidden": "true" }, " ×")))));
  let timer = 0;
  let asked = 0;
  search.addEventListener("input", () => {
    clearTimeout(timer);
    const q = search.value.trim();
    if (!q) {
      results.hidden = true;
      return;
    }
    timer = setTimeout(async () => {
      const ticket = ++asked;
      try {
        const answer = await get(`/api/people/search?q=${encodeURIComponent(q.slice(0, 40))}`);
        if (ticket !== asked) return;
        results.replaceChildren(...(answer.items.length ? answer.items.map((found) => h("li", {},
          h("button", { type: "button", class: "row row-link", onclick: () => {
            chosen.set(found.id, found.name);
            search.value = "";
            results.hidden = true;
            showChips();
          } }, h("span", { class: "row-body" }, h("span", { class: "row-title" }, found.name),
            h("span", { class: "row-meta" }, [found.department, found.business_unit, found.site]
              .filter(Boolean).join(" · ")))))) : [h("li", { class: "row row-meta" }, t("write.nobody"))]));
        results.hidden = false;
      } catch (error) {
        if (!error.offline) showError(error);
      }
    }, 250);
  });
  const element = h("div", { class: "field people-chooser" },
    h("label", { class: "label", for: id }, label), chips, search, results,
    h("p", { id: `${id}-error`, class: "field-error", hidden: true }));
  return { element, ids: () => [...chosen.keys()] };
}
