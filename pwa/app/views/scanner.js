// The guard's scanner: camera, QR decoding, the pass checked offline with the saved keys and
// revocation list, and a full-screen answer — colour and name, or the reason in words. Each
// scan is logged through the outbox, so a door with no network loses nothing.

import { post } from "../api.js";
import { h, live } from "../dom.js";
import { formatAgo, formatNumber, plural, t } from "../i18n.js";
import * as db from "../pass/db.js";
import { icon } from "../icons.js";
import { isOnline, onNetworkChange } from "../network.js";
import * as outbox from "../outbox.js";
import { scanFrames, startCamera } from "../pass/camera.js";
import { nowS } from "../pass/live.js";
import { loadTrust, refreshTrust } from "../pass/trust.js";
import { ulid } from "../pass/ulid.js";
import { verifyPass } from "../pass/verify.js";
import { showError } from "../toast.js";
import { avatar } from "../ui/avatar.js";

export const title = () => t("scan.title");

const AUTO_NEXT_S = 6; // the answer stays this long, then the camera looks for the next pass
const SAME_CODE_MS = 4000; // the pass just checked, still in front of the camera: not again
const REFRESH_MS = 10 * 60 * 1000; // online, keys and revocations are this fresh at most
const STALE_MS = 24 * 3600 * 1000; // older keys may miss revocations: the guard is warned
const stale = (savedAt) => Date.now() - savedAt > REFRESH_MS;
const SCANS = "scans"; // today's count of scans on this phone (pass store)
const NO_TRUST = { keys: new Map(), revokedCredentials: new Set(), revokedDevices: new Set() };

export function render(ctx) {
  const video = h("video", { class: "scan-video", muted: true, playsinline: true,
    "aria-label": t("scan.camera") });
  const scanner = {
    ctx, video,
    trustLine: h("p", { class: "scan-trust" }),
    countLine: h("p", { class: "scan-count" }),
    warning: h("div", { class: "scan-warning", role: "alert", hidden: true }),
    dialog: h("dialog", { class: "scan-result", "aria-labelledby": "scan-headline" }),
    loop: null, last: null,
  };
  const root = h("div", { class: "page scan-page" },
    h("a", { href: "/more", "data-link": true, class: "back-link" }, icon("back", 20),
      t("tools.back")),
    h("h1", { class: "page-title" }, t("scan.title")),
    h("div", { class: "scan-stage" }, video,
      h("div", { class: "scan-frame", "aria-hidden": "true" }),
      h("p", { class: "scan-hint" }, t("scan.hint"))),
    scanner.warning,
    h("div", { class: "card scan-meta" },
      h("p", { class: "scan-site" }, t("scan.site", { site: ctx.user.site || "—" })),
      scanner.trustLine, scanner.countLine,
      h("button", { type: "button", class: "btn btn-secondary btn-small",
        onclick: () => updateTrust(scanner, { refresh: true, loud: true }) },
      icon("refresh", 18), t("scan.refresh"))),
    scanner.dialog);
  live(root, onNetworkChange, (online) => online && updateTrust(scanner, { refresh: true }));
  updateTrust(scanner, { refresh: isOnline() });
  showCount(scanner).catch(showError);
  start(scanner);
  return root;
}

/** Shows how old the saved keys are; refreshes them first when asked (and online). */
async function updateTrust(scanner, { refresh = false, loud = false } = {}) {
  if (refresh) {
    try {
      await refreshTrust();
    } catch (error) {
      // Offline is expected at a door: the line below says how old the keys are.
      if (!error.offline || loud) trustFailed(scanner, error);
    }
  }
  let saved;
  try {
    saved = await loadTrust();
  } catch (error) {
    trustFailed(scanner, error);
    return;
  }
  const ago = saved && formatAgo(saved.savedAt);
  scanner.trustLine.textContent = saved ? t("scan.offlineReady", { ago }) : "";
  if (!saved) warn(scanner, t("scan.trustMissing"));
  else if (Date.now() - saved.savedAt > STALE_MS) warn(scanner, t("scan.trustStale", { ago }));
  else if (scanner.warning.dataset.kind === "trust") scanner.warning.hidden = true;
}

function trustFailed(scanner, error) {
  if (error.name === "NotSupportedError") warn(scanner, t("scan.unsupported")); // no Ed25519
  else showError(error);
}

function warn(scanner, text, action = null) {
  scanner.warning.dataset.kind = action ? "camera" : "trust";
  scanner.warning.replaceChildren(icon("alert", 22), h("p", {}, text), action || "");
  scanner.warning.hidden = false;
}

async function start(scanner) {
  try {
    await startCamera(scanner.video);
  } catch (error) {
    console.warn("Camera unavailable:", error.name, error.message);
    warn(scanner, t("scan.cameraError"), h("button", { type: "button",
      class: "btn btn-primary btn-small", onclick: () => {
        scanner.warning.hidden = true;
        start(scanner);
      } }, t("scan.cameraStart")));
    return;
  }
  scanner.loop = scanFrames(scanner.video, (text) => {
    onCode(scanner, text).catch((error) => {
      scanner.loop.resume();
      showError(error);
    });
  });
}

async function onCode(scanner, text) {
  const last = scanner.last;
  if (last && last.text === text && performance.now() - last.closedAt < SAME_CODE_MS) {
    scanner.loop.resume();
    return;
  }
  const started = performance.now();
  const saved = await loadTrust();
  const verdict = await verifyPass(text, saved?.trust || NO_TRUST, nowS());
  const ms = performance.now() - started;
  scanner.last = { text, closedAt: Infinity };
  showResult(scanner, text, verdict, ms, saved?.savedAt || 0);
  logScan(scanner.ctx.user, verdict).catch(showError);
  countScan().then(() => showCount(scanner)).catch(showError);
}

const today = () => new Date().toLocaleDateString("en-CA"); // YYYY-MM-DD, the phone's day

async function scansToday() {
  const saved = await db.get(SCANS);
  return saved?.day === today() ? saved.count : 0;
}

async function countScan() {
  await db.put({ id: SCANS, day: today(), count: (await scansToday()) + 1 });
}

async function showCount(scanner) {
  const count = await scansToday();
  scanner.countLine.textContent = plural("scan.count", count);
}

/** The answer, across the whole screen: readable by the guard and the person at the door. */
function showResult(scanner, text, verdict, ms, trustSavedAt) {
  const { dialog } = scanner;
  const { claims, reason, valid, colour } = verdict;
  const kind = valid ? colour : "refused";
  const printed = valid && verdict.presentation === "printed";
  const old = Date.now() - trustSavedAt > STALE_MS;
  const countdown = h("p", { class: "scan-auto" });
  const next = h("button", { type: "button", class: "btn scan-next", autofocus: true,
    onclick: () => dialog.close() }, t("scan.next"));
  const person = claims && h("div", { class: "scan-person" },
    avatar({ name: claims.n, photo_url: null }, 96),
    h("div", {},
      h("p", { class: "scan-name" }, claims.n),
      h("p", { class: "scan-id" }, t("scan.employee", { id: claims.sub }))));
  dialog.className = `scan-result scan-${kind}${printed ? " scan-printed" : ""}`;
  dialog.dataset.reason = reason;
  dialog.dataset.presentation = verdict.presentation || "";
  dialog.replaceChildren(
    h("div", { class: "scan-result-body" },
      printed && h("p", { class: "scan-printed-banner" }, icon("alert", 24),
        t("scan.printed")),
      mark(kind),
      !valid && h("p", { class: "scan-refused" }, t("scan.refused")),
      h("h2", { id: "scan-headline", class: "scan-headline" },
        valid ? t(`scan.ok.${colour}`) : t(`scan.headline.${reason}`)),
      person,
      !valid && h("p", { class: "scan-reason" }, t(`scan.reason.${reason}`)),
      printed && h("p", { class: "scan-reason" }, t("scan.printedHint")),
      old && h("p", { class: "scan-stale", role: "note" }, t("scan.staleFlag")),
      h("p", { class: "scan-time" },
        t("scan.checked", { ms: formatNumber(Math.max(1, Math.round(ms))) }))),
    h("div", { class: "scan-actions" }, next, countdown));

  let left = AUTO_NEXT_S;
  const tick = () => {
    countdown.textContent = t("scan.autoNext", { seconds: formatNumber(left) });
    if (left-- <= 0) dialog.close();
  };
  const timer = setInterval(tick, 1000);
  tick();
  dialog.addEventListener("close", () => {
    clearInterval(timer);
    scanner.last.closedAt = performance.now();
    scanner.loop.resume();
    updateTrust(scanner, { refresh: isOnline() && stale(trustSavedAt) });
  }, { once: true });
  dialog.showModal();
  if (claims && isOnline()) addPhoto(person, text);
}

/** Online, the server knows the person's photo (passes carry none): it joins the answer. */
async function addPhoto(person, text) {
  try {
    const answer = await post("/api/health/verify", { qr: text });
    if (answer.photo_url && person.isConnected) {
      person.querySelector(".avatar").replaceWith(avatar({ name: answer.name, photo_url:
        answer.photo_url }, 96));
    }
  } catch (error) {
    console.warn("No photo for this scan:", error.message); // the offline answer stands
  }
}

function logScan(user, verdict) {
  return outbox.enqueue({ method: "POST", url: "/api/health/scans", label: "outbox.scan", body: {
    id: ulid(), site: user.site || "—", scanned_at: nowS(), result: verdict.reason,
    employee_id: verdict.claims?.sub ?? null,
  } });
}

/** A big mark the colour of the answer: a tick, a warning sign or a cross. */
function mark(kind) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 48 48");
  svg.setAttribute("class", "scan-mark");
  svg.setAttribute("aria-hidden", "true");
  const paths = { green: ["M12 25l8 8 16-17"], yellow: ["M24 13v14", "M24 34v.5"],
    red: ["M15 15l18 18", "M33 15L15 33"], refused: ["M15 15l18 18", "M33 15L15 33"] }[kind];
  for (const d of paths) {
    const path = document.createElementNS(ns, "path");
    path.setAttribute("d", d);
    svg.append(path);
  }
  return svg;
}
