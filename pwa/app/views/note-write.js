// Writing a note: to a person (found by name, in either script; ?to=<id>&name=<name> chooses
// one already, "Write back" on a note), my department, unit or site,
// another site or unit, or everyone (with notes.company); or to a campaign, whose audience it
// takes. Up to 500 characters with a counter, signed or from "a colleague". Sent through the
// outbox with its own Idempotency-Key, so a note written offline goes out once, later.

import { get } from "../api.js";
import { h } from "../dom.js";
import { formatNumber, lang, localized, t } from "../i18n.js";
import { icon } from "../icons.js";
import { can } from "../permissions.js";
import { sendByFields } from "../sending.js";
import { clearErrors, showError, showFieldError, toast } from "../toast.js";
import { clearAsChanged } from "../ui/form-errors.js";
import { audienceLabel } from "../ui/note-card.js";

export const MAX = 500;
const NAMES = { text: "text", audience: "kind", "audience.person": "person_q", person: "person_q",
  "audience.site": "site", "audience.unit": "unit", campaign_id: "text" };

export const title = () => t("write.title");

export function render(ctx) {
  const params = new URLSearchParams(location.search);
  const campaignId = params.get("campaign");
  const back = campaignId ? `/notes/walls/${encodeURIComponent(campaignId)}` : "/notes";
  const slot = h("div", {}, h("p", { class: "app-loading" }, t("app.loading")));
  const page = h("div", { class: "page page-write" },
    h("a", { href: back, "data-link": true, class: "back-link" }, icon("back", 20), t("write.back")),
    h("h1", { class: "page-title" }, t("write.title")), slot);
  Promise.all([campaignId ? get(`/api/campaigns/${encodeURIComponent(campaignId)}`) : null,
    placesFor(ctx.user)]).then(([campaign, places]) => {
    const to = { id: params.get("to"), name: params.get("name") };
    slot.replaceChildren(composer(ctx, { campaign, places, to }));
  }, (error) => {
    // Never a note to some other audience than the campaign's: say why, and nothing more.
    slot.replaceChildren(h("p", { class: "card notes-problem", role: "alert" }, error.message));
  });
  return page;
}

/** Sites and units to offer: every one the directory holds, the person's own first (any other
 * can still be typed: the server says if it knows none such). */
async function placesFor(user) {
  const own = ownPlaces(user);
  try {
    const names = await get("/api/audiences/names");
    return { sites: [...new Set([...own.sites, ...names.sites])],
      units: [...new Set([...own.units, ...names.units])] };
  } catch (error) {
    if (!error.offline) console.warn("audience names not available", error.message);
    return own;
  }
}

const ownPlaces = (user) => ({ sites: [user.site].filter(Boolean), units: [user.business_unit].filter(Boolean) });

function composer(ctx, { campaign, places, to: preset }) {
  const user = ctx.user;
  const kinds = ["person", "my-department", "my-unit", "my-site", "site", "unit",
    ...(can(user, "notes.company") ? ["company"] : [])];
  const counter = h("p", { class: "write-counter", id: "write-counter", "aria-live": "polite" });
  const results = h("ul", { class: "card list person-results", hidden: true });
  const chosen = h("p", { class: "person-chosen", hidden: true });
  const submit = h("button", { type: "submit", class: "btn btn-primary" }, icon("send", 20), t("write.send"));
  const to = campaign ? campaignTo(campaign) : h("fieldset", { class: "section publish-group" },
    h("legend", { class: "section-title" }, t("write.to")),
    h("div", { class: "card publish-fields" },
      select("kind", t("write.kind"), kinds.map((kind) => [kind, kindName(kind, user)])),
      h("div", { class: "field" },
        h("label", { class: "label", for: "write-person_q" }, t("write.person")),
        h("input", { id: "write-person_q", name: "person_q", class: "input", type: "search",
          autocomplete: "off", maxlength: 40, placeholder: t("write.personHint"),
          "aria-describedby": "write-person_q-error" }),
        chosen, results,
        h("p", { id: "write-person_q-error", class: "field-error", hidden: true })),
      textWithChoices("site", t("write.site"), places.sites),
      textWithChoices("unit", t("write.unit"), places.units)));
  const form = h("form", { class: "form write-form", novalidate: true },
    h("p", { class: "form-error", role: "alert", hidden: true }),
    to,
    h("div", { class: "field" },
      h("label", { class: "label", for: "write-text" }, t("write.text")),
      h("textarea", { id: "write-text", name: "text", class: "input write-text", rows: 6,
        "aria-describedby": "write-counter write-text-error", placeholder: t("write.textHint") }),
      counter,
      h("p", { id: "write-text-error", class: "field-error", hidden: true })),
    h("fieldset", { class: "choices" },
      h("legend", { class: "label" }, t("write.sign")),
      h("div", { class: "segmented notes-segmented" }, [["named", t("write.signNamed", { name: user.name })],
        ["anonymous", t("write.signAnonymous")]].map(([value, text]) => h("label", { class: "choice" },
        h("input", { type: "radio", name: "sign", value, checked: value === "named",
          "aria-describedby": "write-sign-hint" }),
        h("span", {}, text)))),
      h("p", { id: "write-sign-hint", class: "hint" }, t("write.signHint"))),
    h("div", { class: "actions" }, submit));

  const person = { id: null };
  const count = () => {
    const n = [...form.elements.text.value.trim()].length;
    counter.textContent = t("write.counter", { count: formatNumber(n), max: formatNumber(MAX) });
    counter.classList.toggle("is-over", n > MAX);
  };
  form.elements.text.addEventListener("input", count);
  count();
  if (!campaign) {
    const showKind = () => {
      const kind = form.elements.kind.value;
      for (const name of ["person_q", "site", "unit"]) {
        form.elements[name].closest(".field").hidden = kind !== { person_q: "person", site: "site", unit: "unit" }[name];
      }
    };
    form.elements.kind.addEventListener("change", showKind);
    showKind();
    const pick = personSearch(form.elements.person_q, results, chosen, person);
    if (preset?.id && preset.name) pick(preset); // "Write back" on a note: its author, chosen
  }
  clearAsChanged(form);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    write(ctx, form, submit, { campaign, person });
  });
  return form;
}


function kindName(kind, user) {
  const names = { "my-department": user.department, "my-unit": user.business_unit, "my-site": user.site };
  return t(`write.kind.${kind}`, { name: names[kind] ?? "" });
}

function campaignTo(campaign) {
  const heading = localized(campaign.title);
  return h("section", { class: "card write-campaign", "aria-label": t("write.to") },
    h("p", { class: "overline" }, t("write.forCampaign")),
    h("p", { class: "write-campaign-title", lang: heading.lang === lang ? null : heading.lang }, heading.text),
    h("p", { class: "write-campaign-to" }, icon("users", 18), audienceLabel(campaign.audience)),
    !campaign.may_write && h("p", { class: "field-error" }, whyNot(campaign)));
}

/** Why this person may not write to the campaign now. */
export function whyNot(campaign) {
  if (campaign.state === "closed") return t("wall.closed");
  if (campaign.state === "upcoming") return t("wall.upcoming");
  return t("wall.notWriter");
}

/** The directory, searched by the start of any word of a name (either script) as one types;
 * returns pick(person), to choose someone without a search. */
function personSearch(input, results, chosen, person) {
  let timer = 0;
  let asked = 0;
  const pick = (found) => {
    person.id = found.id;
    input.value = found.name;
    results.hidden = true;
    chosen.hidden = false;
    const place = [found.department, found.site].filter(Boolean).join(" · ");
    chosen.replaceChildren(icon("check", 18), place
      ? t("write.personChosen", { name: found.name, place }) : found.name);
  };
  input.addEventListener("input", () => {
    person.id = null;
    chosen.hidden = true;
    clearTimeout(timer);
    const q = input.value.trim();
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
          h("button", { type: "button", class: "row row-link person-option", onclick: () => pick(found) },
            h("span", { class: "row-body" }, h("span", { class: "row-title" }, found.name),
              h("span", { class: "row-meta" }, [found.department, found.business_unit, found.site]
                .filter(Boolean).join(" · ")))))) : [h("li", { class: "row row-meta" }, t("write.nobody"))]));
        results.hidden = false;
      } catch (error) {
        if (ticket === asked) results.hidden = true;
        if (!error.offline) showError(error);
      }
    }, 250);
  });
  return pick;
}

function audienceOf(form, user, person) {
  const kind = form.elements.kind.value;
  switch (kind) {
    case "person": return { kind, person: person.id };
    case "my-department": return { kind: "department", unit: user.business_unit, department: user.department };
    case "my-unit": return { kind: "unit", unit: user.business_unit };
    case "my-site": return { kind: "site", site: user.site };
    case "site": return { kind, site: form.elements.site.value.trim() };
    case "unit": return { kind, unit: form.elements.unit.value.trim() };
    default: return { kind: "company" };
  }
}

async function write(ctx, form, submit, { campaign, person }) {
  clearErrors(form);
  const text = form.elements.text.value.trim();
  const length = [...text].length;
  const gaps = [];
  if (!campaign) {
    const kind = form.elements.kind.value;
    if (kind === "person" && !person.id) gaps.push(["person_q", "write.personMissing"]);
    if (kind === "site" && !form.elements.site.value.trim()) gaps.push(["site", "write.siteMissing"]);
    if (kind === "unit" && !form.elements.unit.value.trim()) gaps.push(["unit", "write.unitMissing"]);
  }
  if (!length) gaps.push(["text", "write.textMissing"]);
  if (length > MAX) gaps.push(["text", "write.textLong"]);
  for (const [name, key] of gaps.reverse()) {
    showFieldError(form.elements[name], t(key, { max: formatNumber(MAX) }));
  }
  if (gaps.length) return;
  if (campaign && !campaign.may_write) {
    showFieldError(form.elements.text, whyNot(campaign));
    return;
  }
  const body = { text, anonymous: form.elements.sign.value === "anonymous",
    campaign_id: campaign ? campaign.id : null };
  if (!campaign) body.audience = audienceOf(form, ctx.user, person);
  // A refused audience is shown by the field that named it.
  const named = { person: "person_q", site: "site", unit: "unit" }[form.elements.kind?.value] ?? "kind";
  const result = await sendByFields(form, submit, { url: "/api/notes", body, label: "outbox.note" },
    { names: campaign ? NAMES : { ...NAMES, audience: named } });
  if (result.state === "failed") return;
  const held = result.state === "delivered" && result.data?.status === "held";
  toast(t(result.state === "queued" ? "write.kept" : held ? "write.held" : "write.sent"));
  ctx.navigate(campaign && !held && result.state === "delivered"
    ? `/notes/walls/${encodeURIComponent(campaign.id)}` : "/notes?show=mine");
}

function select(name, label, choices) {
  const id = `write-${name}`;
  return h("div", { class: "field" },
    h("label", { class: "label", for: id }, label),
    h("select", { id, name, class: "input", "aria-describedby": `${id}-error` },
      choices.map(([value, text]) => h("option", { value }, text))),
    h("p", { id: `${id}-error`, class: "field-error", hidden: true }));
}

/** A text field that suggests the names we know (a datalist), and takes any other. */
function textWithChoices(name, label, choices) {
  const id = `write-${name}`;
  return h("div", { class: "field" },
    h("label", { class: "label", for: id }, label),
    h("input", { id, name, class: "input", list: `${id}-choices`, autocomplete: "off",
      maxlength: 80, "aria-describedby": `${id}-error` }),
    h("datalist", { id: `${id}-choices` }, choices.map((value) => h("option", { value }))),
    h("p", { id: `${id}-error`, class: "field-error", hidden: true }));
}
