// A stacked bar chart in HTML and CSS: one bar per group, a segment per colour, sized by its
// share of the group. Hidden counts ("fewer than 5") draw no segment and reveal no colour.

import { h } from "../dom.js";
import { t } from "../i18n.js";
import { formatCount, isHidden } from "./counts.js";

/**
 * rows: [{name, people, hidden, green, yellow, red, none}]; keys: the segments in order.
 * label(key) names a segment; totalText(row) says what the whole bar counts (people by default).
 */
export function stackedBars(rows, keys, label, { totalText = peopleText } = {}) {
  return h("ul", { class: "bars" }, rows.map((row) => h("li", { class: "bars-row" },
    h("p", { class: "bars-name" }, h("span", {}, row.name),
      h("span", { class: "bars-total" }, totalText(row))),
    bar(row, keys, label))));
}

const peopleText = (row) => (row.hidden ? t("console.fewerPeople")
  : t("console.people", { count: formatCount(row.people) }));

function bar(row, keys, label) {
  const track = h("div", { class: `bars-track${row.hidden ? " is-hidden" : ""}` });
  if (row.hidden) return track;
  const text = keys.map((key) => `${label(key)}: ${formatCount(row[key])}`).join(", ");
  track.setAttribute("role", "img");
  track.setAttribute("aria-label", text);
  const segment = (cls, count, title) => {
    const part = h("span", { class: `bars-segment ${cls}`, title });
    part.style.width = `${(100 * count) / row.people}%`; // CSSOM: allowed by the CSP
    track.append(part);
  };
  let known = 0;
  for (const key of keys) {
    if (isHidden(row[key]) || !row[key] || !row.people) continue;
    known += row[key];
    segment(`bars-${key}`, row[key], `${label(key)}: ${row[key]}`);
  }
  // What is not shown (counts of fewer than 5) is drawn as one hatched part, with no colour.
  if (keys.some((key) => isHidden(row[key])) && row.people > known) {
    segment("bars-unknown", row.people - known, t("console.fewer"));
  }
  return track;
}

/** The colours' key under a chart. */
export function legend(keys, label) {
  return h("ul", { class: "bars-legend", "aria-hidden": "true" }, keys.map((key) =>
    h("li", {}, h("span", { class: `bars-swatch bars-${key}` }), label(key))));
}
