// A quantity a thumb can set: − and + around a number, bounded by 0 and `max` (what is left at
// the site and what the person may still ask for, whichever is smaller).

import { h } from "../dom.js";
import { formatNumber, t } from "../i18n.js";

/** A stepper for `name` (the item's words, for the buttons' labels); onchange(qty). Its
 * element's `bound(max)` moves the bound (the stock or the allowance changed meanwhile). */
export function quantityStepper({ id, name, max, value = 0, onchange = () => {} }) {
  const input = h("input", { id, name: id, type: "number", class: "input stepper-value",
    inputmode: "numeric", min: 0, max, value, "aria-label": t("supplies.qtyOf", { name }) });
  const less = h("button", { type: "button", class: "stepper-button",
    "aria-label": t("supplies.less", { name }) }, "−");
  const more = h("button", { type: "button", class: "stepper-button",
    "aria-label": t("supplies.more", { name }) }, "+");
  const set = (qty) => {
    const bounded = Math.max(0, Math.min(max, Number.isFinite(qty) ? Math.trunc(qty) : 0));
    input.value = String(bounded);
    less.disabled = bounded <= 0;
    more.disabled = bounded >= max;
    onchange(bounded);
  };
  less.addEventListener("click", () => set(Number(input.value) - 1));
  more.addEventListener("click", () => set(Number(input.value) + 1));
  input.addEventListener("change", () => set(Number(input.value)));
  set(value);
  const el = h("div", { class: "stepper", role: "group", "aria-label": t("supplies.qtyOf", { name }),
    title: t("supplies.upTo", { count: formatNumber(max) }) }, less, input, more);
  el.bound = (bound) => {
    max = bound;
    input.max = String(bound);
    el.title = t("supplies.upTo", { count: formatNumber(bound) });
    set(Number(input.value));
  };
  return el;
}
