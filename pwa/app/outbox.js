// The outbox: what a person writes is kept in IndexedDB until the server has it. Every entry
// carries its own Idempotency-Key, the same on each attempt, so when an answer is lost and the
// request is sent again the server replays its first answer: the write lands exactly once.
// Shared by the page (app/delivery.js decides when) and the service worker (Background Sync).

import { ApiError, fetchJson } from "./api.js";
import { rememberAnswer } from "./caches.js";
import * as db from "./storage.js";

const STORE = "outbox";
const OWNER = "#owner"; // not an entry: the record naming whose entries may be sent now
export const SYNC_TAG = "together-outbox";
const BACKOFF_S = [2, 10, 60, 300, 900]; // wait after the 1st, 2nd, ... failed attempt
// "Not now" answers: 409 means the server is still busy with this key (functions/idempotency.py)
// — unless it names fields: then it is about what was sent ("out of stock"), and stays so.
const TRY_LATER = new Set([408, 409, 425, 429]);
const MAX_TRIES_LATER = 8; // a server that keeps saying "later" eventually gets a person's eyes

const channel = "BroadcastChannel" in self ? new BroadcastChannel("together-outbox") : null;
const listeners = new Set();
channel?.addEventListener("message", (event) => tell(event.data));

/**
 * Keeps a write until it is delivered. `label` is a string key (or text) naming it in the list.
 * Resolves to the stored entry; delivery is announced to subscribers as {type: "delivered"}.
 */
export async function enqueue({ method = "POST", url, body = {}, label = "" }) {
  const entry = {
    id: crypto.randomUUID(), // also the Idempotency-Key
    method: method.toUpperCase(), url, body, label, owner: await ownerNow(),
    createdAt: Date.now(), attempts: 0, nextAttemptAt: 0, state: "waiting", error: null,
  };
  await db.put(STORE, entry);
  announce({ type: "queued", entry });
  return entry;
}

/** The signed-in person's entries, oldest first: state "waiting" (to be sent) or "failed"
 * (refused by the server). Someone else's, on a shared phone, are neither shown nor sent. */
export async function list() {
  const records = await db.all(STORE);
  const owner = records.find((record) => record.id === OWNER)?.owner ?? null;
  return records.filter((record) => record.id !== OWNER && ownedBy(record, owner))
    .sort((a, b) => a.createdAt - b.createdAt);
}

// Entries from before owners were recorded have none: they go with whoever is signed in.
const ownedBy = (entry, owner) => !("owner" in entry) || (owner !== null && entry.owner === owner);

/**
 * Whose writes this phone sends from now on: the signed-in person's id, or null once nobody
 * is (a session ended). Kept with the entries, so the service worker knows it too.
 */
export async function setOwner(id) {
  if ((await ownerNow()) === (id ?? null)) return;
  await db.put(STORE, { id: OWNER, owner: id ?? null });
  // What this person left waiting on an earlier visit is due now.
  announce({ type: id ? "owner" : "changed" });
}

const ownerNow = async () => (await db.get(STORE, OWNER))?.owner ?? null;

/** Puts a failed entry back in line, with the same key. */
export async function retry(id) {
  const entry = await db.get(STORE, id);
  if (!entry) return;
  await db.put(STORE, { ...entry, state: "waiting", attempts: 0, nextAttemptAt: 0, error: null });
  announce({ type: "queued", entry });
}

export async function discard(id) {
  await db.remove(STORE, id);
  announce({ type: "changed" });
}

export async function clear() {
  await db.clear(STORE);
  announce({ type: "changed" });
}

/** listener(message) for "queued", "changed", "owner" (someone signed in) and "delivered", from
 * any tab or the worker. */
export function subscribe(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Sends what is due, oldest first (`force`: also what waits for its backoff). One sender at a
 * time across tabs and the service worker. Resolves to {delivered, waiting, offline, signedOut}.
 */
export function flush({ force = false } = {}) {
  const work = () => deliver(force);
  return self.navigator.locks ? navigator.locks.request("together-outbox", work) : work();
}

async function deliver(force) {
  const report = { delivered: 0, waiting: 0, offline: false, signedOut: false };
  for (const entry of await list()) {
    if (entry.state !== "waiting") continue;
    const due = force || entry.nextAttemptAt <= Date.now();
    const outcome = report.offline || report.signedOut || !due ? "skipped" : await send(entry);
    if (outcome === "delivered") report.delivered += 1;
    else if (outcome !== "failed") report.waiting += 1;
    if (outcome === "offline") report.offline = true;
    if (outcome === "signed-out") report.signedOut = true;
  }
  return report;
}

async function send(entry) {
  let data;
  try {
    data = await fetchJson(entry.url, { method: entry.method, body: entry.body,
      headers: { "Idempotency-Key": entry.id } });
  } catch (error) {
    return refused(entry, error);
  }
  await db.remove(STORE, entry.id);
  // A PUT or PATCH answers with the resource: the new last good answer for reading it.
  if (data && ["PUT", "PATCH"].includes(entry.method)) await rememberAnswer(entry.url, data);
  announce({ type: "delivered", entry, data });
  return "delivered";
}

/** What an attempt that did not deliver means for the entry: try later, or failed for good. */
async function refused(entry, error) {
  if (!(error instanceof ApiError)) throw error; // a bug, for the caller to show
  if (error.offline) {
    await later(entry); // no answer: the network, or an answer lost on the way back
    return "offline";
  }
  if (error.status === 401) return "signed-out"; // kept: it goes after the next sign-in
  // A 409 is "still busy with this key" (idempotency: try later) unless it says what is wrong:
  // by its fields ("out of stock" on lines) or by a code of its own ("event_full").
  const refusal = error.status === 409
    && (Object.keys(error.fields).length > 0 || error.code !== "conflict");
  const temporary = error.status >= 500 || (TRY_LATER.has(error.status) && !refusal);
  if (temporary && entry.attempts + 1 < MAX_TRIES_LATER) {
    await later(entry, Number(error.retryAfter) || 0);
    return "later";
  }
  // The field errors too: a form that waited for this entry shows them by their fields.
  await db.put(STORE, { ...entry, state: "failed", error: reason(error), fields: error.fields });
  announce({ type: "changed" });
  return "failed";
}

async function later(entry, retryAfterS = 0) {
  const attempts = entry.attempts + 1;
  const backoff = BACKOFF_S[Math.min(attempts, BACKOFF_S.length) - 1] * (0.8 + Math.random() * 0.4);
  const waitS = Math.max(retryAfterS, backoff);
  await db.put(STORE, { ...entry, attempts, nextAttemptAt: Date.now() + waitS * 1000 });
}

/** The server's own words: its message, then what it said about each field. */
function reason(error) {
  const fields = Object.values(error.fields).flat(Infinity)
    .filter((text) => typeof text === "string" && text !== error.message);
  return [error.message, ...fields].join(" ");
}

function announce(message) {
  tell(message);
  channel?.postMessage(message); // other tabs, and the page when the worker delivered
}

function tell(message) {
  for (const listener of listeners) listener(message);
}
