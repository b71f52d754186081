// Campaigns (HR, notes.campaigns): open one (titles and intros in English and Chinese, who it
// is for, who may write, when), close it, and make big-screen links for a lobby — each link
// shown once with Copy, listed after by name, revocable. Writes go through the outbox.

import { get, post } from "../api.js";
import { h } from "../dom.js";
import { formatDate, formatNumber, lang, localized, plural, t } from "../i18n.js";
import { icon } from "../icons.js";
import * as outbox from "../outbox.js";
import { send, sendByFields } from "../sending.js";
import { clearErrors, showError, showFieldError, toast } from "../toast.js";
import { audiencePicker } from "../ui/audience-picker.js";
import { clearAsChanged, showFieldErrors } from "../ui/form-errors.js";
import { audienceLabel } from "../ui/note-card.js";
import { pagedList } from "../ui/paged.js";

const NAMES = { title: "title_en", "title.en": "title_en", "title.zh-CN": "title_zh",
  intro: "intro_en", "intro.en": "intro_en", "intro.zh-CN": "intro_zh", audience: "audience_kind",
  "audience.unit": "audience_unit", "audience.department": "audience_department",
  "audience.site": "audience_site", writers: "writers_kind", opens_at: "opens_at", closes_at: "closes_at" };
const WHEN = { day: "numeric", month: "short", hour: "numeric", minute: "2-digit" };

export const title = () => t("tools.campaigns.title");

export function render() {
  const slot = h("div", {}, h("p", { class: "app-loading" }, t("app.loading")));
  const campaigns = pagedList("/api/campaigns", { item: manageCard, className: "notes-list",
    empty: () => h("p", { class: "card notes-empty-text" }, t("campaigns.none")) });
  get("/api/audiences/options").then((options) => {
    slot.replaceChildren(openForm(options, () => campaigns.reload()));
  }, (error) => {
    slot.replaceChildren(h("p", { class: "card notes-problem", role: "alert" }, error.message));
  });
  return h("div", { class: "page page-campaigns" },
    h("a", { href: "/more", "data-link": true, class: "back-link" }, icon("back", 20), t("tools.back")),
    h("h1", { class: "page-title" }, t("tools.campaigns.title")),
    h("p", { class: "lead" }, t("tools.campaigns.text")),
    slot,
    h("section", { class: "section", "aria-labelledby": "campaigns-list" },
      h("h2", { id: "campaigns-list", class: "section-title" }, t("campaigns.list")),
      campaigns.element));
}

function openForm(options, opened) {
  const audience = audiencePicker(options, { prefix: "audience", legend: t("campaigns.audience") });
  const writers = audiencePicker(options, { prefix: "writers", legend: t("campaigns.writers") });
  const submit = h("button", { type: "submit", class: "btn btn-primary" }, t("campaigns.open"));
  const form = h("form", { class: "form campaign-form", novalidate: true },
    h("p", { class: "form-error", role: "alert", hidden: true }),
    h("fieldset", { class: "section publish-group" },
      h("legend", { class: "section-title" }, t("campaigns.words")),
      h("div", { class: "card publish-fields" },
        field("title_en", t("campaigns.titleEn"), { lang: "en", maxlength: 120 }),
        field("title_zh", t("campaigns.titleZh"), { lang: "zh-CN", maxlength: 120 }),
        field("intro_en", t("campaigns.introEn"), { lang: "en", maxlength: 600, multiline: true }),
        field("intro_zh", t("campaigns.introZh"), { lang: "zh-CN", maxlength: 600, multiline: true }))),
    audience.element, writers.element,
    h("fieldset", { class: "section publish-group" },
      h("legend", { class: "section-title" }, t("campaigns.when")),
      h("div", { class: "card publish-fields" },
        field("opens_at", t("campaigns.opensAt"), { type: "datetime-local", hint: t("campaigns.opensHint") }),
        field("closes_at", t("campaigns.closesAt"), { type: "datetime-local", hint: t("campaigns.closesHint") }))),
    h("div", { class: "actions" }, submit));
  clearAsChanged(form);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const v = Object.fromEntries(new FormData(form));
    const texts = (en, zh) => Object.fromEntries([["en", en], ["zh-CN", zh]]
      .map(([code, text]) => [code, (text || "").trim()]).filter(([, text]) => text));
    const body = { title: texts(v.title_en, v.title_zh), intro: texts(v.intro_en, v.intro_zh),
      audience: audience.value(), writers: writers.value() };
    if (v.opens_at) body.opens_at = new Date(v.opens_at).toISOString();
    if (v.closes_at) body.closes_at = new Date(v.closes_at).toISOString();
    if (!body.title.en && !body.title["zh-CN"]) {
      showFieldError(form.elements.title_en, t("campaigns.titleMissing"));
      return;
    }
    const result = await sendByFields(form, submit,
      { url: "/api/campaigns", body, label: "outbox.campaign" }, { names: NAMES });
    if (result.state === "failed") return;
    toast(t(result.state === "queued" ? "campaigns.kept" : "campaigns.opened"));
    form.reset();
    audience.reset();
    writers.reset();
    opened();
  });
  return form;
}

/** A campaign with what HR does to it: see its wall, close it, its big-screen links. */
function manageCard(campaign) {
  const heading = localized(campaign.title);
  const id = `manage-${campaign.id}`;
  const card = h("article", { id: campaign.id, class: "card campaign-card campaign-manage",
    "aria-labelledby": id });
  const state = h("p", { class: `campaign-state is-${campaign.state}` }, t(`campaigns.state.${campaign.state}`));
  const close = campaign.state !== "closed" && h("button", { type: "button",
    class: "btn btn-secondary btn-small", onclick: async () => {
      close.disabled = true;
      const result = await send({ method: "PATCH", url: `/api/campaigns/${encodeURIComponent(campaign.id)}`,
        body: { state: "closed" }, label: "outbox.campaignClose" });
      if (result.state === "failed") {
        await outbox.discard(result.id);
        close.disabled = false;
        toast(result.error || t("error.generic"), { kind: "error" });
        return;
      }
      state.className = "campaign-state is-closed";
      state.textContent = t("campaigns.state.closed");
      close.remove();
      toast(t(result.state === "queued" ? "campaigns.kept" : "campaigns.closed"));
    } }, t("campaigns.close"));
  const screens = h("details", { class: "campaign-screens", open: location.hash === `#${campaign.id}` },
    h("summary", {}, icon("screen", 20), t("campaigns.screens")));
  let loaded = false;
  const openScreens = () => {
    if (!screens.open || loaded) return;
    loaded = true;
    screens.append(displays(campaign));
  };
  screens.addEventListener("toggle", openScreens);
  openScreens();
  card.append(...[state,
    h("h2", { id, class: "campaign-title", lang: heading.lang === lang ? null : heading.lang }, heading.text),
    h("p", { class: "campaign-meta" }, audienceLabel(campaign.audience), " · ",
      plural("notes.count", campaign.notes ?? 0, { count: formatNumber(campaign.notes ?? 0) })),
    h("p", { class: "campaign-meta" }, icon("clock", 18), [
      t("campaigns.from", { date: formatDate(new Date(campaign.opens_at), WHEN) }),
      campaign.closes_at && t("campaigns.until", { date: formatDate(new Date(campaign.closes_at), WHEN) }),
    ].filter(Boolean).join(" · ")),
    h("div", { class: "campaign-actions" },
      h("a", { href: `/notes/walls/${encodeURIComponent(campaign.id)}`, "data-link": true,
        class: "btn btn-secondary btn-small" }, t("campaigns.wall")), close),
    screens].filter(Boolean));
  if (location.hash === `#${campaign.id}`) requestAnimationFrame(() => card.scrollIntoView());
  return card;
}

/** The campaign's big-screen links: make one (shown once, with Copy), list them, revoke. */
function displays(campaign) {
  const base = `/api/campaigns/${encodeURIComponent(campaign.id)}/displays`;
  const list = h("ul", { class: "list screen-links" });
  const made = h("div", { class: "screen-made", hidden: true });
  const nameId = `screen-name-${campaign.id}`;
  const submit = h("button", { type: "submit", class: "btn btn-primary btn-small" }, t("campaigns.makeLink"));
  const form = h("form", { class: "screen-form", novalidate: true },
    h("div", { class: "field" },
      h("label", { class: "label", for: nameId }, t("campaigns.screenName")),
      h("input", { id: nameId, name: "name", class: "input", maxlength: 60,
        placeholder: t("campaigns.screenNameHint"), "aria-describedby": `${nameId}-error` }),
      h("p", { id: `${nameId}-error`, class: "field-error", hidden: true })),
    submit);
  const row = (display) => {
    const revoke = h("button", { type: "button", class: "btn btn-quiet btn-small",
      "aria-label": t("campaigns.revokeNamed", { name: display.name }), onclick: async () => {
        revoke.disabled = true;
        const result = await send({ method: "DELETE", url: `${base}/${encodeURIComponent(display.id)}`,
          label: "outbox.screenRevoke" });
        if (result.state === "failed") {
          await outbox.discard(result.id);
          revoke.disabled = false;
          toast(result.error || t("error.generic"), { kind: "error" });
          return;
        }
        item.replaceWith(row({ ...display, revoked: true }));
        made.hidden = true;
        toast(t("campaigns.revoked"));
      } }, t("campaigns.revoke"));
    const item = h("li", { class: "row screen-link" },
      h("span", { class: "row-icon" }, icon("screen", 20)),
      h("span", { class: "row-body" }, h("span", { class: "row-title" }, display.name),
        h("span", { class: "row-meta" }, display.revoked ? t("campaigns.linkRevoked")
          : t("campaigns.linkMade", { date: formatDate(new Date(display.created_at), WHEN) }))),
      !display.revoked && revoke);
    return item;
  };
  const load = () => get(base).then((page) => {
    list.replaceChildren(...page.items.map(row));
    if (!page.items.length) list.append(h("li", { class: "row row-meta" }, t("campaigns.noLinks")));
  }, showError);
  clearAsChanged(form);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const name = form.elements.name.value.trim();
    if (!name) {
      showFieldError(form.elements.name, t("campaigns.screenNameMissing"));
      return;
    }
    // Asked directly, not through the outbox: the link is shown only in this answer, so one
    // made later, offline, could never be shown (a lost answer leaves a link to revoke).
    submit.disabled = true;
    let display;
    try {
      display = await post(base, { name });
    } catch (error) {
      if (error.offline) toast(t("campaigns.linkKept"), { kind: "error" });
      else if (!showFieldErrors(form, error.fields).length) showFieldError(form.elements.name, error.message);
      return;
    } finally {
      submit.disabled = false;
    }
    form.reset();
    made.replaceChildren(...shownOnce(display));
    made.hidden = false;
    load();
  });
  load();
  return h("div", { class: "screens-body" }, made, form, list);
}

/** A new link, in full, with Copy: the server keeps only its hash, so this is the one chance. */
function shownOnce(display) {
  const url = new URL(display.url, location.origin).href;
  const id = `screen-url-${display.id}`;
  const copy = h("button", { type: "button", class: "btn btn-primary btn-small", onclick: async () => {
    try {
      await navigator.clipboard.writeText(url);
      toast(t("campaigns.copied"));
    } catch {
      document.getElementById(id).select(); // no clipboard here: selected, to copy by hand
      toast(t("campaigns.copyByHand"));
    }
  } }, icon("copy", 18), t("campaigns.copy"));
  return [
    h("p", { class: "screen-made-title" }, t("campaigns.linkOnce", { name: display.name })),
    h("label", { class: "visually-hidden", for: id }, t("campaigns.linkLabel")),
    h("input", { id, class: "input screen-url", readonly: true, value: url }),
    h("div", { class: "campaign-actions" }, copy,
      h("a", { href: display.url, target: "_blank", rel: "noopener", class: "btn btn-quiet btn-small" },
        t("campaigns.openScreen"))),
  ];
}

function field(name, label, { lang: language, maxlength, multiline = false, type = "text", hint } = {}) {
  const id = `campaign-${name}`;
  const attrs = { id, name, class: "input", lang: language, maxlength, "aria-describedby": `${id}-error` };
  return h("div", { class: "field" },
    h("label", { class: "label", for: id }, label),
    multiline ? h("textarea", { ...attrs, rows: 3 }) : h("input", { ...attrs, type }),
    hint && h("p", { class: "hint" }, hint),
    h("p", { id: `${id}-error`, class: "field-error", hidden: true }));
}
