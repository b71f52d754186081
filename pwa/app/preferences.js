// The person's language: their profile's, unless they changed it on this phone and the change
// is still in the outbox; switching applies at once and reaches the server through the outbox.

import { lang, setLanguage } from "./i18n.js";
import * as outbox from "./outbox.js";

const isLanguageChange = (entry) =>
  entry.method === "PATCH" && entry.url === "/api/me" && entry.body?.language;

/** The language to show for this profile (the browser's, before anyone signed in). */
export async function languageFor(profile) {
  const waiting = (await outbox.list()).filter((e) => e.state === "waiting" && isLanguageChange(e));
  return waiting.at(-1)?.body.language || profile?.language || lang;
}

/** Shows the app in `code` now, and keeps the choice in the profile (once online). */
export async function chooseLanguage(code) {
  await setLanguage(code);
  // Only the last choice matters: an earlier one still waiting need not be sent.
  for (const entry of await outbox.list()) {
    if (entry.state === "waiting" && isLanguageChange(entry)) await outbox.discard(entry.id);
  }
  await outbox.enqueue({ method: "PATCH", url: "/api/me", body: { language: code },
    label: "outbox.language" });
}
