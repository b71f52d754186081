// The one way the app talks to the API: JSON in and out, same-origin cookies, and the
// API's error shape turned into an ApiError whose .message is written for people. Imported by
// the service worker too (through the outbox): nothing here may need a window or a document.

import { t } from "./i18n.js";
import { reportOnline, SAVED_HEADER } from "./network.js";

const TIMEOUT_MS = 20000; // phones on poor networks: fail with a message rather than hang

export class ApiError extends Error {
  constructor(message, { status = 0, code = "network", fields = {}, retryAfter = null,
    offline = false } = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status; // 0 when the request never got an answer
    this.offline = offline; // no answer came (no network, or too slow): worth trying later
    this.code = code;
    this.fields = fields; // {"code": ["That code is not right."]}
    this.retryAfter = retryAfter;
  }
}

/** Calls the API; resolves to the parsed JSON (null for 204), rejects with an ApiError. */
export async function request(path, options) {
  try {
    return await fetchJson(path, options);
  } catch (error) {
    if (error.status === 401) {
      // The session ended (expired, or signed out on the server): the shell returns to sign-in.
      window.dispatchEvent(new CustomEvent("together:unauthorized"));
    }
    throw error;
  }
}

/**
 * The app's one fetch, shared by request() and the outbox (which sends from the service worker
 * too, and handles a 401 itself): the answer's JSON, or an ApiError; offline, error.offline.
 */
export async function fetchJson(path, { method = "GET", body, headers = {}, timeout = TIMEOUT_MS } = {}) {
  const init = {
    method,
    credentials: "same-origin",
    headers: { Accept: "application/json", ...headers },
    signal: AbortSignal.timeout(timeout),
  };
  if (method !== "GET" && method !== "HEAD") {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body ?? {});
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    const timedOut = error.name === "TimeoutError";
    reportOnline(false);
    throw new ApiError(t(timedOut ? "error.timeout" : "error.offline"),
      { code: timedOut ? "timeout" : "network", offline: true });
  }
  reportOnline(!response.headers.has(SAVED_HEADER));
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) throw toError(response, data);
  return data;
}

function toError(response, data) {
  const error = data && data.error;
  return new ApiError(error?.message || t("error.generic"), {
    status: response.status,
    code: error?.code || "http_" + response.status,
    fields: (error && typeof error.fields === "object" && error.fields) || {},
    retryAfter: response.headers.get("Retry-After"),
  });
}

export const get = (path, options) => request(path, { ...options, method: "GET" });
export const post = (path, body, options) => request(path, { ...options, method: "POST", body });
// Writes that must survive going offline go through the outbox (app/outbox.js) instead.
