// A campaign's wall: its title and intro, who it is for, every published note as a card,
// newest or most cheered first, and "Write to this campaign" (or why one cannot, now).

import { get } from "../api.js";
import { h } from "../dom.js";
import { formatDate, formatNumber, lang, localized, plural, t } from "../i18n.js";
import { icon } from "../icons.js";
import { can } from "../permissions.js";
import { idIn } from "../routes.js";
import { showError } from "../toast.js";
import { audienceLabel, noteCard } from "../ui/note-card.js";
import { pagedList } from "../ui/paged.js";

export const title = () => t("wall.title");

const SORTS = ["new", "top"];

export function render(ctx) {
  const id = idIn(location.pathname);
  const slot = h("div", { class: "wall-slot" }, h("p", { class: "app-loading" }, t("app.loading")));
  const heading = h("h1", { class: "page-title" }, t("wall.title"));
  get(`/api/campaigns/${encodeURIComponent(id)}`).then((campaign) => {
    const text = localized(campaign.title);
    heading.textContent = text.text;
    if (text.lang !== lang) heading.lang = text.lang;
    document.title = `${text.text} · ${t("app.name")}`;
    slot.replaceChildren(...wall(ctx, campaign));
  }, (error) => {
    slot.replaceChildren(h("p", { class: "card notes-problem", role: "alert" }, error.message));
    if (!error.offline && error.status !== 404) showError(error);
  });
  return h("div", { class: "page page-wall" },
    h("a", { href: "/notes?show=walls", "data-link": true, class: "back-link" }, icon("back", 20),
      t("wall.back")), heading, slot);
}

function wall(ctx, campaign) {
  const intro = localized(campaign.intro);
  const write = campaign.may_write
    ? h("a", { href: `/notes/write?campaign=${encodeURIComponent(campaign.id)}`, "data-link": true,
      class: "btn btn-primary" }, icon("send", 20), t("wall.write"))
    : h("button", { type: "button", class: "btn btn-primary", disabled: true,
      "aria-describedby": "wall-why" }, icon("send", 20), t("wall.write"));
  const list = h("div", { class: "wall-list" });
  const sorts = h("div", { class: "notes-tabs wall-sorts", role: "group", "aria-label": t("wall.sort") },
    SORTS.map((sort) => h("button", { type: "button", class: "notes-tab", "data-sort": sort,
      "aria-pressed": String(sort === "new"), onclick: () => show(sort) }, t(`wall.sort.${sort}`))));
  const show = (sort) => {
    for (const button of sorts.querySelectorAll("button")) {
      button.setAttribute("aria-pressed", String(button.dataset.sort === sort));
    }
    list.replaceChildren(pagedList(`/api/campaigns/${encodeURIComponent(campaign.id)}/notes?sort=${sort}`,
      { item: (note) => noteCard(note, { showCampaign: false }), className: "notes-list",
        empty: () => h("p", { class: "card notes-empty-text" }, t("wall.empty")) }).element);
  };
  show("new");
  return [
    h("section", { class: "card wall-head" },
      h("p", { class: `campaign-state is-${campaign.state}` }, t(`campaigns.state.${campaign.state}`)),
      intro.text && h("p", { class: "wall-intro", lang: intro.lang === lang ? null : intro.lang }, intro.text),
      h("p", { class: "campaign-meta" }, icon("users", 18), audienceLabel(campaign.audience), " · ",
        plural("notes.count", campaign.notes ?? 0, { count: formatNumber(campaign.notes ?? 0) })),
      campaign.closes_at && h("p", { class: "campaign-meta" }, icon("clock", 18),
        t(campaign.state === "closed" ? "wall.closedOn" : "wall.closesOn",
          { date: formatDate(new Date(campaign.closes_at), { day: "numeric", month: "long" }) })),
      h("div", { class: "actions" }, write,
        !campaign.may_write && h("p", { id: "wall-why", class: "wall-why" }, icon("alert", 18), whyNot(campaign)),
        can(ctx.user, "notes.campaigns") && h("a", { href: `/tools/campaigns#${campaign.id}`,
          "data-link": true, class: "btn btn-quiet" }, icon("screen", 20), t("wall.bigScreen")))),
    sorts, list];
}

function whyNot(campaign) {
  if (campaign.state === "closed") return t("wall.closed");
  if (campaign.state === "upcoming") {
    return t("wall.upcomingOn", { date: formatDate(new Date(campaign.opens_at),
      { day: "numeric", month: "long" }) });
  }
  return t("wall.notWriter");
}
