// The app's two languages: strings by key, and dates and numbers through Intl.
// Only the language shown is downloaded (pwa/locales/), when it is first needed; the service
// worker precaches both so switching works offline.

const STRINGS = {}; // by language, once loaded
const STORED = "together.language"; // the last language shown, for the sign-in screen

export const LANGUAGES = ["en", "zh-CN"];
/** Each language by its own name: what a person looks for in a language switch. */
export const LANGUAGE_NAMES = { en: "English", "zh-CN": "简体中文" };

/** The first of the browser's languages that we speak; any Chinese variant gets zh-CN. */
export function pickLanguage(preferred = navigator.languages || [navigator.language]) {
  for (const tag of preferred) {
    const lower = String(tag).toLowerCase();
    if (lower.startsWith("zh")) return "zh-CN";
    if (lower.startsWith("en")) return "en";
  }
  return "en";
}

function remembered() {
  // The service worker imports this too (the outbox's messages), and has no localStorage.
  const value = self.localStorage?.getItem(STORED);
  return LANGUAGES.includes(value) ? value : null;
}

// A live binding: modules that import `lang` see the switch.
export let lang = remembered() || pickLanguage();

/** Downloads a language's strings once (a page's module; the service worker cannot import). */
export async function loadLanguage(code) {
  STRINGS[code] ??= (await import(`../locales/${code}.js`)).default;
}

/** Switches the language of everything rendered from now on, and of <html lang>. */
export async function setLanguage(code) {
  if (!LANGUAGES.includes(code)) return;
  await loadLanguage(code);
  lang = code;
  localStorage.setItem(STORED, code);
  document.documentElement.lang = code;
}

/** A string by key, with {name}-style parameters filled in. Every language has every key
 * (tests/node/locales.test.mjs); before any is loaded (in the service worker) it is the key. */
export function t(key, params = {}) {
  const text = STRINGS[lang]?.[key] ?? STRINGS.en?.[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** A count in words: key.one / key.other (and so on) chosen by the language's plural rules. */
export function plural(key, count, params = {}) {
  const form = new Intl.PluralRules(lang).select(count);
  const chosen = has(`${key}.${form}`) ? `${key}.${form}` : `${key}.other`;
  return t(chosen, { count: formatNumber(count), ...params });
}

/** True if key names a string (outbox labels may be keys or plain text). */
export const has = (key) => key in (STRINGS[lang] ?? {});

export const formatDate = (date, options = { weekday: "long", day: "numeric", month: "long" }) =>
  new Intl.DateTimeFormat(lang, options).format(date);

export const formatTime = (date) =>
  new Intl.DateTimeFormat(lang, { hour: "numeric", minute: "2-digit" }).format(date);

export const formatNumber = (value) => new Intl.NumberFormat(lang).format(value);

/** "5 minutes ago", "昨天", "just now": for things that happened recently. */
export function formatAgo(then, now = Date.now()) {
  const seconds = Math.round((then - now) / 1000);
  const format = new Intl.RelativeTimeFormat(lang, { numeric: "auto" });
  for (const [unit, size] of [["day", 86400], ["hour", 3600], ["minute", 60]]) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return t("time.justNow");
}

/** A text in my language, else in the other one (with its lang, for screen readers). */
export function localized(texts = {}) {
  if (texts[lang]) return { text: texts[lang], lang };
  const other = LANGUAGES.find((code) => texts[code]);
  return other ? { text: texts[other], lang: other } : { text: "", lang };
}
