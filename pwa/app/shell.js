// The frame around every signed-in screen: offline banner, app bar with refresh and the inbox's
// bell (with its unread count), the view in <main>, and the bottom tab bar within a thumb's
// reach (with the outbox's count on More).

import { h, hiddenText, live, logo } from "./dom.js";
import { formatNumber, t } from "./i18n.js";
import { icon } from "./icons.js";
import { inboxAvailable, onUnread, startUnread, unreadNow } from "./inbox.js";
import { isOnline, onNetworkChange } from "./network.js";
import * as outbox from "./outbox.js";
import { showError } from "./toast.js";
import { avatar } from "./ui/avatar.js";

export const TABS = [
  { path: "/", label: "nav.home", icon: "home" },
  { path: "/news", label: "nav.news", icon: "news" },
  { path: "/stories", label: "nav.stories", icon: "stories" },
  { path: "/notes", label: "nav.notes", icon: "notes" },
  { path: "/pass", label: "nav.pass", icon: "pass" },
  { path: "/more", label: "nav.more", icon: "more" },
];

/** The inbox's bell: a link to /inbox, with the unread count on it and in its name. */
function bell() {
  const count = h("span", { class: "bell-count", "aria-hidden": "true", hidden: true });
  const link = h("a", { href: "/inbox", "data-link": true, class: "icon-button bell" },
    icon("bell", 22), count);
  const show = (unread) => {
    link.hidden = !inboxAvailable();
    count.hidden = unread === 0;
    count.textContent = unread > 99 ? "99+" : formatNumber(unread);
    link.setAttribute("aria-label", unread ? t("inbox.bellUnread", { count: formatNumber(unread) })
      : t("inbox.bell"));
  };
  live(link, onUnread, show);
  show(unreadNow());
  startUnread((error) => {
    if (error.status !== 401) showError(error); // signed out: the app returns to sign-in itself
  });
  return link;
}

/** Builds the frame once per language; show() swaps the view inside it. */
export function createShell(ctx) {
  const main = h("main", { id: "main", class: "content", tabindex: "-1" });
  const banner = h("div", { class: "banner", role: "status" });
  const refresh = h("button", { type: "button", class: "icon-button", "aria-label": t("shell.refresh"),
    onclick: async () => {
      refresh.setAttribute("aria-busy", "true");
      try {
        await ctx.refresh();
      } finally {
        refresh.removeAttribute("aria-busy");
      }
    } }, icon("refresh"));
  const profileLink = h("a", { href: "/more", "data-link": true, class: "avatar-link",
    "aria-label": t("shell.profile") }, avatar(ctx.user, 40));
  const inbox = bell();
  const tabs = TABS.map((tab) => h("a", { href: tab.path, "data-link": true, class: "tab" },
    icon(tab.icon, 24), h("span", { class: "tab-label" }, t(tab.label))));
  const badge = h("span", { class: "badge", "aria-hidden": "true", hidden: true });
  const badgeText = hiddenText("");
  tabs.at(-1).append(badge, badgeText);

  const element = h("div", { class: "shell" },
    h("a", { href: "#main", class: "skip-link" }, t("shell.skip")),
    banner,
    h("header", { class: "appbar" },
      h("a", { href: "/", "data-link": true, class: "appbar-brand" }, logo(28), t("app.name")),
      h("div", { class: "appbar-actions" }, refresh, inbox, profileLink)),
    main,
    h("nav", { class: "tabbar", "aria-label": t("nav.label") }, tabs));

  const showBanner = (online) => {
    banner.hidden = online;
    banner.replaceChildren(icon("offline", 20), h("span", {}, t("offline.banner")));
  };
  live(banner, onNetworkChange, showBanner);
  showBanner(isOnline());

  const count = async () => {
    const waiting = (await outbox.list()).length;
    badge.hidden = waiting === 0;
    badge.textContent = formatNumber(waiting);
    badgeText.textContent = waiting ? `, ${t("nav.waiting", { count: formatNumber(waiting) })}` : "";
  };
  live(badge, outbox.subscribe, count);
  count();

  return {
    element,
    /** Puts a view's nodes in <main> and marks its tab as the current page. */
    show(tabPath, nodes) {
      main.replaceChildren(...[].concat(nodes));
      if (location.pathname === "/inbox") inbox.setAttribute("aria-current", "page");
      else inbox.removeAttribute("aria-current");
      for (const [i, tab] of TABS.entries()) {
        if (tab.path === tabPath) tabs[i].setAttribute("aria-current", "page");
        else tabs[i].removeAttribute("aria-current");
      }
    },
  };
}
