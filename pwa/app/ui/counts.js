// Counts that may be hidden: the API sends null for a group or a count of fewer than 5 people,
// so that no one's colour can be worked out. Shown as "fewer than 5", never as a number.

import { h } from "../dom.js";
import { formatNumber, t } from "../i18n.js";

export const COLOURS = ["green", "yellow", "red", "none"];

/** "12", or "fewer than 5" for a hidden count. */
export const formatCount = (value) => (value === null || value === undefined
  ? t("console.fewer") : formatNumber(value));

export const isHidden = (value) => value === null || value === undefined;

/** A count for a tight space (a table cell): "< 5" for a hidden one, its full words on hover
 * and for screen readers. */
export const countCell = (value) => (isHidden(value)
  ? h("abbr", { class: "count-hidden", title: t("console.fewer"), "aria-label": t("console.fewer") },
    t("console.fewerShort"))
  : formatNumber(value));
