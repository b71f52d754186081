// An item's reach, for its editors, HR and admins: how many people it reaches, and how many of
// them viewed, watched to the end and acknowledged it (numbers and bars), then who has not
// acknowledged yet, a page at a time.

import { get } from "../api.js";
import { h } from "../dom.js";
import { formatAgo, formatNumber, localized, t } from "../i18n.js";
import { icon } from "../icons.js";
import { itemFor } from "../news-items.js";
import { showError } from "../toast.js";
import { avatar } from "../ui/avatar.js";
import { audienceName } from "../ui/news.js";

export const title = () => t("reach.title");

export function render() {
  const id = new URLSearchParams(location.search).get("id") || "";
  const page = h("div", { class: "page page-reach" },
    h("a", { href: "/tools/publish", "data-link": true, class: "back-link" }, icon("back", 20),
      t("reach.back")),
    h("h1", { class: "page-title" }, t("reach.title")));
  show(page, id).catch(showError);
  return page;
}

async function show(page, id) {
  const base = `/api/news/${encodeURIComponent(id)}`;
  const [reach, item] = await Promise.all([get(`${base}/reach`), itemFor(id)]);
  const size = reach.audience_size;
  const title = item && localized(item.title);
  page.append(...[
    title && h("p", { class: "reach-item", lang: title.lang }, title.text),
    h("p", { class: "news-meta" }, audienceName(reach.audience), " · ",
      t(reach.audience_size_complete ? "reach.people" : "reach.peopleAtLeast",
        { count: formatNumber(size) }), " · ",
      t("reach.counted", { time: formatAgo(reach.audience_counted_at * 1000) })),
    h("section", { class: "card reach-bars", "aria-label": t("reach.summary") },
      bar("viewed", reach.viewed, size),
      bar("completed", reach.completed, size),
      reach.must_acknowledge && bar("acknowledged", reach.acknowledged, size)),
    groups(base, reach.must_acknowledge),
    reach.must_acknowledge ? missing(base, reach.not_acknowledged)
      : h("p", { class: "hint" }, t("reach.noAck"))].filter(Boolean));
}

/** The same counts by unit and by site, each group with its own size. */
function groups(base, acks) {
  const slot = h("div", { class: "reach-groups" });
  const section = (kind, list) => h("section", { class: "section",
    "aria-labelledby": `reach-by-${kind}` },
  h("h2", { id: `reach-by-${kind}`, class: "section-title" }, t(`reach.by.${kind}`)),
  h("ul", { class: "card list" }, list.map((group) => h("li", { class: "row" },
    h("span", { class: "row-body" }, h("span", { class: "row-title" }, group.name),
      h("span", { class: "row-meta" }, [
        t("reach.groupViewed", { count: formatNumber(group.viewed), size: formatNumber(group.size) }),
        t("reach.groupCompleted", { count: formatNumber(group.completed) }),
        acks && t("reach.groupAcknowledged", { count: formatNumber(group.acknowledged) }),
      ].filter(Boolean).join(" · ")))))));
  get(`${base}/reach/breakdown`).then((found) => slot.replaceChildren(
    section("unit", found.units), section("site", found.sites)), showError);
  return slot;
}

function bar(kind, count, size) {
  const percent = size ? Math.min(100, Math.round((100 * count) / size)) : 0;
  const fill = h("span", { class: "reach-fill" });
  fill.style.width = `${percent}%`; // CSSOM: allowed by the Content-Security-Policy
  return h("div", { class: `reach-row reach-${kind}` },
    h("p", { class: "reach-label" }, h("span", {}, t(`reach.${kind}`)),
      h("span", { class: "reach-count" }, t("reach.of", { count: formatNumber(count),
        size: formatNumber(size), percent }))),
    h("div", { class: "reach-track", role: "meter", "aria-label": t(`reach.${kind}`),
      "aria-valuemin": 0, "aria-valuemax": size, "aria-valuenow": count,
      "aria-valuetext": t("reach.of", { count, size, percent }) }, fill));
}

/** Who has not acknowledged: one page at a time, "Show more" for the next. */
function missing(base, count) {
  const list = h("ul", { class: "card list reach-people" });
  const end = h("div", { class: "actions" });
  const section = h("section", { class: "section", "aria-labelledby": "reach-missing" },
    h("h2", { id: "reach-missing", class: "section-title" },
      t("reach.notAcknowledged", { count: formatNumber(count ?? 0) })), list, end);
  let cursor = null;
  const load = async () => {
    end.replaceChildren();
    const page = await get(`${base}/reach/unacknowledged?limit=50${cursor
      ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    list.append(...page.items.map((person) => h("li", { class: "row" },
      avatar(person, 40),
      h("span", { class: "row-body" },
        h("span", { class: "row-title" }, person.name),
        h("span", { class: "row-meta" }, [person.department, person.site].filter(Boolean).join(" · "))))));
    cursor = page.cursor;
    if (cursor) {
      end.append(h("button", { type: "button", class: "btn btn-secondary",
        onclick: () => load().catch(showError) }, t("feed.more")));
    } else if (!list.childElementCount) {
      list.append(h("li", { class: "row row-meta" }, icon("check", 20), t("reach.everyone")));
    }
  };
  load().catch(showError);
  return section;
}
