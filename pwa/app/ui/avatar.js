// A person's picture: shown in the app bar, on More, on the pass, in a guard's answer, in reach.

import { h } from "../dom.js";

/** The person's photo, or their initials on a warm disc (drawn by CSS: a picture, not text). */
export function avatar(user, size = 40) {
  const initials = user.name.split(/\s+/).filter(Boolean).slice(0, 2)
    .map((part) => [...part][0].toUpperCase()).join("");
  const cls = size > 40 ? "avatar avatar-lg" : "avatar";
  const fallback = h("span", { class: cls, "aria-hidden": "true", "data-initials": initials });
  if (!user.photo_url) return fallback;
  const img = h("img", { class: cls, src: user.photo_url, alt: "", width: size, height: size });
  img.addEventListener("error", () => img.replaceWith(fallback), { once: true });
  return img;
}
