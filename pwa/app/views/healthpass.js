// The employee's pass: the colour filling the screen, their name and photo, a running clock and
// a live QR re-signed by this phone every 15 seconds. Works offline while the credential lasts.

import { h, live } from "../dom.js";
import { formatDate, t } from "../i18n.js";
import { icon } from "../icons.js";
import { isOnline, onNetworkChange } from "../network.js";
import * as outbox from "../outbox.js";
import { fetchPass, savedPass } from "../pass/device.js";
import { liveText, nowS, PERIOD_S } from "../pass/live.js";
import { qrSvg } from "../pass/qr.js";
import { statusLine } from "../pass/status.js";
import { keepAwake } from "../pass/wake.js";
import { showError } from "../toast.js";
import { avatar } from "../ui/avatar.js";

export const title = () => t("nav.pass"); // the tab's name, as every tab's page is titled

const DECLARATIONS = "/api/health/declarations";

export function render(ctx) {
  const body = h("div", { class: "hp-body" }, loading());
  const root = h("div", { class: "page hp-page" },
    h("h1", { class: "hp-title" }, t("healthpass.title")), body);
  const screen = { root, body, user: ctx.user, shown: null, pass: null, device: null,
    refreshing: null, again: false };
  live(root, onNetworkChange, (online) => online && refresh(screen));
  live(root, outbox.subscribe, (message) => {
    if (message.type === "delivered" && message.entry.url === DECLARATIONS) refresh(screen);
  });
  start(screen);
  return root;
}

async function start(screen) {
  const saved = await savedPass(screen.user);
  if (saved) showPass(screen, saved);
  await refresh(screen);
}

/**
 * Fetches today's credential when online; keeps showing the saved one when that fails. One
 * fetch at a time: a call during one (a declaration just delivered) fetches again after it.
 */
function refresh(screen) {
  if (screen.refreshing) {
    screen.again = true;
    return screen.refreshing;
  }
  screen.refreshing = fetchAndShow(screen).finally(() => {
    screen.refreshing = null;
    if (screen.again && screen.root.isConnected) {
      screen.again = false;
      refresh(screen);
    }
  });
  return screen.refreshing;
}

async function fetchAndShow(screen) {
  try {
    const { pass, device } = await fetchPass(screen.user);
    if (pass) showPass(screen, { pass, device });
    else showNone(screen, await declarationWaiting());
  } catch (error) {
    if (error.name === "NotSupportedError") { // no Ed25519 in this browser: no live pass
      show(screen, "unsupported", notice("alert", t("healthpass.unsupported")), printable());
      return;
    }
    if (!error.offline) showError(error);
    if (screen.pass) return; // the saved pass still works offline
    if (await declarationWaiting()) showNone(screen, true);
    else show(screen, "offline", notice("offline", t("healthpass.needNetwork")));
  }
}

const declarationWaiting = async () =>
  (await outbox.list()).some((entry) => entry.url === DECLARATIONS && entry.state === "waiting");

function show(screen, state, ...nodes) {
  screen.shown = state;
  screen.body.replaceChildren(...nodes);
}

const loading = () => h("div", { class: "hp-loading" },
  h("div", { class: "spinner", role: "progressbar", "aria-label": t("healthpass.loading") }),
  h("p", {}, t("healthpass.loading")));

function notice(art, text) {
  return h("section", { class: "card hp-notice" },
    h("div", { class: "hp-notice-art" }, icon(art, 36)),
    h("p", { class: "hp-notice-text" }, text));
}

/** No declaration today (or one waiting to be sent): the way to declare instead of a pass. */
function showNone(screen, waiting) {
  screen.pass = null;
  show(screen, "none", h("section", { class: "card hp-none", "aria-labelledby": "hp-none-title" },
    h("div", { class: "hp-notice-art" }, icon(waiting ? "clock" : "pass", 40)),
    h("h2", { id: "hp-none-title", class: "hp-none-title" },
      t(waiting ? "healthpass.pending.title" : "healthpass.none.title")),
    h("p", { class: "hp-notice-text" }, t(waiting ? "healthpass.pending" : "healthpass.none.text")),
    h("a", { href: "/pass/declare", "data-link": true,
      class: waiting ? "btn btn-secondary" : "btn btn-primary" },
    t(waiting ? "healthpass.declareAgain" : "healthpass.none.action"))));
}

/** The live pass; its QR is re-signed every PERIOD_S and the clock ticks every second. */
function showPass(screen, { pass, device }) {
  const changed = screen.pass?.qr !== pass.qr || screen.device?.publicKey !== device.publicKey;
  screen.pass = pass;
  screen.device = device;
  if (screen.shown === "pass" && !changed) return;
  const colour = pass.status;
  const qr = h("figure", { class: "hp-qr" });
  const clock = h("p", { class: "hp-clock", role: "timer", "aria-label": t("healthpass.clock") });
  const date = h("p", { class: "hp-date" });
  const offline = h("p", { class: "hp-offline", hidden: isOnline() },
    icon("offline", 18), t("healthpass.offline"));
  live(offline, onNetworkChange, (online) => {
    offline.hidden = online;
  });
  const card = h("section", { class: `hp-card hp-${colour}`, "aria-labelledby": "hp-status" },
    statusLine(colour, "hp-status"),
    h("div", { class: "hp-sweep", "aria-hidden": "true" }),
    h("div", { class: "hp-person" },
      avatar(screen.user, 64),
      h("div", { class: "hp-who" },
        h("p", { class: "hp-name" }, screen.user.name),
        h("p", { class: "hp-id" }, screen.user.id))),
    qr, clock, date,
    h("p", { class: "hp-meta" }, t("healthpass.live", { seconds: PERIOD_S }), " · ",
      t("healthpass.validUntil", { time: clockText(pass.expires_at * 1000, false) })),
    offline);
  show(screen, "pass", card,
    h("div", { class: "hp-links" },
      h("a", { href: "/pass/declare", "data-link": true, class: "btn btn-secondary" },
        t("healthpass.declareAgain")),
      printable()));
  runLivePass(screen, { qr, clock, date, card });
}

const printable = () => h("a", { href: "/pass/print", "data-link": true, class: "btn btn-quiet" },
  t("healthpass.printable"));

function runLivePass(screen, nodes) {
  const run = { signedAt: 0, signing: false, timer: 0 };
  const stopAwake = keepAwake(nodes.card);
  const tick = () => {
    if (!nodes.card.isConnected) { // the person left the screen, or a newer pass replaced it
      clearTimeout(run.timer);
      stopAwake();
      return;
    }
    const now = Date.now();
    nodes.clock.textContent = clockText(now, true);
    nodes.date.textContent = formatDate(new Date(now));
    if (nowS() >= screen.pass.expires_at) {
      // The company day is over: today's pass needs today's declaration.
      screen.pass = null;
      show(screen, "expired", notice("clock", t("healthpass.needNetwork")));
      refresh(screen);
      return;
    } else if (nowS() - run.signedAt >= PERIOD_S) {
      sign(screen, nodes.qr, run).catch(showError);
    }
    run.timer = setTimeout(tick, 1000 - (now % 1000) + 5); // just after the next whole second
  };
  tick();
}

async function sign(screen, figure, run) {
  if (run.signing) return;
  run.signing = true;
  const t0 = nowS();
  const { pass, device } = screen;
  try {
    const text = await liveText(pass.qr, device.keys.privateKey, t0);
    run.signedAt = t0;
    figure.replaceChildren(qrSvg(text, t("healthpass.qrLabel", { name: screen.user.name })));
    figure.dataset.qr = text;
    figure.dataset.t = String(t0);
  } finally {
    run.signing = false;
  }
}

/** 09:41:27 (or 09:41): the same digits everywhere, legible from a metre away. */
function clockText(ms, seconds) {
  return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit",
    ...(seconds ? { second: "2-digit" } : {}), hourCycle: "h23" }).format(new Date(ms));
}
