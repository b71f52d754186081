// Home: the signed-in person's greeting. The full shell (navigation, news, pass) grows here.

import { post } from "../api.js";
import { h, logo } from "../dom.js";
import { t } from "../i18n.js";
import { showError } from "../toast.js";

export const title = () => t("app.name");

export function render(ctx) {
  const user = ctx.user;
  const details = [
    ["home.unit", user.business_unit],
    ["home.department", user.department],
    ["home.site", user.site],
    ["home.email", user.email],
  ].filter(([, value]) => value);

  const signOut = h("button", { type: "button", class: "btn btn-secondary", onclick: async () => {
    signOut.disabled = true;
    try {
      await post("/api/auth/signout");
      ctx.signedOut();
    } catch (error) {
      showError(error);
      signOut.disabled = false;
    }
  } }, t("home.signout"));

  return h("section", { class: "screen screen-home" },
    h("header", { class: "appbar" },
      h("span", { class: "appbar-brand" }, logo(28), t("app.name")),
      avatar(user)),
    h("div", { class: "greeting" },
      h("h1", { class: "title title-xl" }, t("home.hello", { name: user.name })),
      h("p", { class: "lead" }, t("home.lead"))),
    h("section", { class: "card", "aria-labelledby": "home-details" },
      h("h2", { id: "home-details", class: "card-title" }, t("home.details")),
      h("dl", { class: "details" }, details.map(([key, value]) => h("div", { class: "detail" },
        h("dt", {}, t(key)),
        h("dd", {}, value))))),
    h("div", { class: "actions actions-bottom" }, signOut));
}

function avatar(user) {
  const initials = user.name.split(/\s+/).filter(Boolean).slice(0, 2)
    .map((part) => [...part][0].toUpperCase()).join("");
  const fallback = h("span", { class: "avatar", "aria-hidden": "true" }, initials);
  if (!user.photo_url) return fallback;
  const img = h("img", { class: "avatar", src: user.photo_url, alt: "", width: 40, height: 40 });
  img.addEventListener("error", () => img.replaceWith(fallback), { once: true });
  return img;
}
