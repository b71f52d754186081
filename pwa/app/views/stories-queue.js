// Story moderation (/tools/stories, stories.moderate): the stories waiting for review, oldest
// first, each watched before it is released or rejected with a reason the author reads; for
// those who may hide stories (stories.hide), the reported and hidden ones too.

import { get, post } from "../api.js";
import { h } from "../dom.js";
import { formatAgo, localized, plural, t } from "../i18n.js";
import { icon } from "../icons.js";
import { can } from "../permissions.js";
import { clearErrors, showError, showFieldError, toast } from "../toast.js";
import { posterOf, sourceOf, tagNames, timeOf } from "../ui/story-slides.js";
import { formatDuration } from "../video/player.js";

export const title = () => t("tools.stories.title");

const SECTIONS = { queue: "/api/stories/queue", reported: "/api/stories/moderation?state=reported",
  hidden: "/api/stories/moderation?state=hidden" };

export function render(ctx) {
  const shown = new URLSearchParams(location.search).get("show");
  const sections = can(ctx.user, "stories.hide") ? ["queue", "reported", "hidden"] : ["queue"];
  const current = sections.includes(shown) ? shown : "queue";
  const list = h("div", { class: "review-list" }, h("div", { class: "feed-loading", role: "status" },
    h("div", { class: "spinner spinner-small" }), t("app.loading")));
  const page = h("div", { class: "page page-review" },
    h("a", { href: "/more", "data-link": true, class: "back-link" }, icon("back", 20), t("tools.back")),
    h("h1", { class: "page-title" }, t("tools.stories.title")),
    // A group, not a nav: the tab bar is the one navigation whose current page is marked.
    sections.length > 1 && h("div", { class: "stories-tabs stories-tabs-3", role: "group",
      "aria-label": t("storyReview.sections") },
    sections.map((name) => h("a", { href: `/tools/stories?show=${name}`, "data-link": true,
      class: "stories-tab", "aria-current": name === current ? "page" : null }, t(`storyReview.${name}`)))),
    list);
  let tagName = null;
  const load = async () => {
    tagName ??= tagNames((await get("/api/stories/settings")).tags);
    const { items } = await get(SECTIONS[current]);
    list.replaceChildren(...(items.length ? items.map((story) => storyCard(story, current, load, tagName))
      : [h("section", { class: "card empty" },
        h("div", { class: "empty-art empty-art-stories" }, icon("check", 44)),
        h("h2", { class: "empty-heading" }, t(`storyReview.${current}.none`)))]));
  };
  load().catch(showError);
  return page;
}

function storyCard(story, section, reload, tagName) {
  const source = sourceOf(story);
  const caption = localized({ [story.caption_lang || "en"]: story.caption });
  const video = source ? h("video", { class: "review-video", controls: true, playsinline: true,
    preload: "metadata", poster: posterOf(story), src: source.url,
    "aria-label": t("stories.video", { name: story.author?.name ?? "" }) })
    : h("div", { class: "review-video is-blank" }, icon("video", 32));
  const actions = h("div", { class: "review-actions" });
  const card = h("article", { class: "card review-card", "data-story": story.id,
    "aria-labelledby": `mod-${story.id}` },
  video,
  h("div", { class: "review-about" },
    h("h2", { id: `mod-${story.id}`, class: "card-title" }, story.author?.name ?? ""),
    h("p", { class: "row-meta" }, [story.author?.business_unit, story.author?.site,
      story.video?.duration_s ? formatDuration(story.video.duration_s) : null,
      formatAgo(timeOf(story.created_at))].filter(Boolean).join(" · ")),
    caption.text && h("p", { class: "review-caption", lang: caption.lang }, caption.text),
    story.tags?.length > 0 && h("p", { class: "story-tags-plain" }, story.tags.map((tag) => `#${tagName(tag)}`).join(" ")),
    story.reports > 0 && h("p", { class: "review-reports" }, icon("alert", 18),
      plural("storyReview.reports", story.reports)),
    story.report_reasons?.length > 0 && h("ul", { class: "review-reasons" },
      story.report_reasons.map((reason) => h("li", {}, reason)))),
  actions);
  const act = async (button, path, body, done) => {
    button.disabled = true;
    try {
      await post(`/api/stories/${story.id}/${path}`, body,
        { headers: { "Idempotency-Key": crypto.randomUUID() } });
      toast(t(done));
      await reload();
    } catch (error) {
      button.disabled = false;
      showError(error, { form: card.querySelector("form") ?? undefined });
    }
  };
  if (section === "queue") {
    const release = h("button", { type: "button", class: "btn btn-primary" }, icon("check", 20),
      t("storyReview.release"));
    release.addEventListener("click", () => act(release, "release", {}, "storyReview.released"));
    const reject = h("button", { type: "button", class: "btn btn-secondary" }, t("storyReview.reject"));
    reject.addEventListener("click", () => actions.replaceChildren(reasonForm(story, "reject", (button, reason) =>
      act(button, "reject", { reason }, "storyReview.rejected"), () => actions.replaceChildren(release, reject))));
    actions.append(release, reject);
  } else if (section === "reported") {
    const hide = h("button", { type: "button", class: "btn btn-primary" }, t("storyReview.hide"));
    hide.addEventListener("click", () => actions.replaceChildren(reasonForm(story, "hide", (button, reason) =>
      act(button, "hide", { reason }, "storyReview.hidden.done"), () => actions.replaceChildren(hide))));
    actions.append(hide);
  } else {
    const restore = h("button", { type: "button", class: "btn btn-secondary" }, t("storyReview.restore"));
    restore.addEventListener("click", () => act(restore, "restore", {}, "storyReview.restored"));
    actions.append(restore);
  }
  return card;
}

/** A reason in the moderator's words (required to reject), then the action or a way back. */
function reasonForm(story, kind, submit, cancel) {
  const id = `reason-${story.id}`;
  const field = h("textarea", { id, name: "reason", class: "input", rows: 3, maxlength: 300,
    "aria-describedby": `${id}-error` });
  const go = h("button", { type: "submit", class: "btn btn-primary" }, t(`storyReview.${kind}.confirm`));
  const form = h("form", { class: "form review-reason", novalidate: true },
    h("p", { class: "form-error", role: "alert", hidden: true }),
    h("div", { class: "field" }, h("label", { class: "label", for: id }, t(`storyReview.${kind}.reason`)), field,
      h("p", { id: `${id}-error`, class: "field-error", hidden: true })),
    h("div", { class: "actions" }, go,
      h("button", { type: "button", class: "btn btn-quiet", onclick: cancel }, t("storyReview.cancel"))));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearErrors(form);
    const reason = field.value.trim();
    if (kind === "reject" && !reason) return showFieldError(field, t("storyReview.reasonMissing"));
    return submit(go, reason);
  });
  queueMicrotask(() => field.focus());
  return form;
}
