// The inbox: every notification sent to this person, newest first, in their language. Unread
// ones are marked; tapping one marks it read and opens its link in the app; one that must be
// acknowledged has an "I have read this" button. Reads and acknowledgements go through the
// outbox, so they work offline; people without push still get everything here.

import { h } from "../dom.js";
import { formatAgo, t } from "../i18n.js";
import { icon } from "../icons.js";
import { inApp } from "../links.js";
import { acknowledgeUrl, inboxAvailable, loadInbox, markRead, pendingReads, setUnread, unreadNow } from "../inbox.js";
import { send } from "../sending.js";
import { showError, toast } from "../toast.js";
import { emptyPage } from "../ui/empty.js";

export const title = () => t("inbox.title");

export function render(ctx) {
  const page = h("div", { class: "page page-inbox" },
    h("h1", { class: "page-title" }, t("inbox.title")),
    h("p", { class: "app-loading" }, t("app.loading")));
  loadInbox().then(async (first) => {
    if (!first && !inboxAvailable()) page.replaceWith(emptyPage("inbox", { art: "bell" }));
    else if (!first) page.replaceChildren(...offline(ctx));
    else if (!first.items.length) page.replaceWith(emptyPage("inbox", { art: "bell" }));
    else page.replaceChildren(page.firstChild, await list(ctx, first));
  }).catch(showError);
  return page;
}

async function list(ctx, first) {
  const items = h("ul", { class: "card list inbox-list" });
  const more = h("button", { type: "button", class: "btn btn-secondary inbox-more" }, t("inbox.more"));
  const add = async (page) => {
    const waiting = await pendingReads(page.items);
    for (const item of page.items) {
      if (waiting.has(item.id)) item.read_at ??= "pending"; // read here; the server hears soon
      items.append(row(ctx, item));
    }
    more.hidden = !page.cursor;
    more.onclick = () => loadInbox(page.cursor).then((next) => next && add(next)).catch(showError);
  };
  await add(first);
  return h("div", {}, items, h("div", { class: "actions" }, more));
}

function row(ctx, item) {
  const li = h("li", { class: "inbox-item", "data-id": item.id });
  const show = () => {
    const unread = !item.read_at;
    li.classList.toggle("is-unread", unread);
    li.replaceChildren(...[
      h("button", { type: "button", class: "row row-link inbox-open", onclick: () => open(ctx, item, show) },
        h("span", { class: `row-icon inbox-icon${item.urgency === "high" ? " is-urgent" : ""}` },
          icon(item.urgency === "high" ? "alert" : "bell", 22)),
        h("span", { class: "row-body" },
          h("span", { class: "row-title", lang: item.lang },
            unread && h("span", { class: "visually-hidden" }, `${t("inbox.unread")}: `), item.title),
          h("span", { class: "inbox-text", lang: item.lang }, item.body),
          h("span", { class: "row-meta" }, formatAgo(Date.parse(item.created_at)),
            item.topic && ` · ${t(`push.topic.${item.topic}`)}`)),
        unread && h("span", { class: "unread-dot", "aria-hidden": "true" })),
      item.must_acknowledge && acknowledgement(item, show)].filter(Boolean));
  };
  show();
  return li;
}

function acknowledgement(item, show) {
  if (item.acknowledged_at) {
    return h("p", { class: "inbox-ack is-done" }, icon("check", 18), t("inbox.acknowledged"));
  }
  const button = h("button", { type: "button", class: "btn btn-primary btn-small", onclick: async () => {
    button.disabled = true;
    const wasUnread = !item.read_at;
    const result = await send({ url: acknowledgeUrl(item.id), label: "outbox.inboxAcknowledge" });
    if (result.state === "failed") {
      toast(result.error || t("error.generic"), { kind: "error" });
      button.disabled = false;
      return;
    }
    item.acknowledged_at = item.read_at ??= new Date().toISOString();
    if (wasUnread) setUnread(unreadNow() - 1);
    toast(t(result.state === "queued" ? "inbox.ackKept" : "inbox.ackThanks"));
    show();
  } }, icon("check", 18), t("inbox.acknowledge"));
  return h("div", { class: "inbox-ack" }, h("span", { class: "inbox-ack-text" }, t("inbox.mustAck")),
    button);
}

function open(ctx, item, show) {
  markRead(item).catch(showError);
  show();
  const link = inApp(item.link);
  if (link && link !== "/inbox") ctx.navigate(link);
}

function offline(ctx) {
  return [h("h1", { class: "page-title" }, t("inbox.title")),
    h("section", { class: "card empty", "aria-labelledby": "inbox-offline" },
      h("div", { class: "empty-art empty-art-offline" }, icon("offline", 44)),
      h("h2", { id: "inbox-offline", class: "empty-heading" }, t("inbox.offlineHeading")),
      h("p", { class: "empty-text" }, t("inbox.offlineText")),
      h("button", { type: "button", class: "btn btn-secondary", onclick: () => ctx.navigate("/inbox") },
        icon("refresh", 20), t("app.retry")))];
}
