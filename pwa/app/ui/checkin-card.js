// "Are you safe?": one check-in that reaches me, answered in one tap (I'm safe / I need help,
// with an optional note / Not affected). Home shows it on top until answered; /checkins/<id>
// shows it too. Answers go through the outbox (one Idempotency-Key each), so one given offline
// arrives once, later; a delivered answer can be undone for 5 seconds.

import { h, live } from "../dom.js";
import { formatAgo, formatNumber, formatTime, lang, localized, t } from "../i18n.js";
import { icon } from "../icons.js";
import * as outbox from "../outbox.js";
import { send } from "../sending.js";
import { showError, toast } from "../toast.js";

export const ANSWERS = ["safe", "need_help", "not_affected"];
export const ANSWER_ICONS = { safe: "check", need_help: "alert", not_affected: "home" };
export const NOTE_MAX = 200;
export const UNDO_MS = 5000;

const answersUrl = (id) => `/api/checkins/${encodeURIComponent(id)}/answers`;

/** "Drill" or "Real event": a check-in is never shown without saying which. */
export function kindBadge(drill) {
  return h("span", { class: `checkin-kind ${drill ? "is-drill" : "is-real"}` },
    icon(drill ? "flag" : "alert", 16), t(drill ? "checkin.drill" : "checkin.real"));
}

/** The question in my language (the other one, marked, when mine is missing). */
export function question(texts, tag = "h2", attrs = {}) {
  const { text, lang: its } = localized(texts);
  return h(tag, { ...attrs, lang: its === lang ? null : its }, text);
}

/**
 * A check-in card (`mine`: the API's Mine) that answers through the outbox. `channel` says where
 * the answer comes from ("app", "inbox"); `full` shows my answer's note and time too; `help`
 * opens "I need help"'s note at once.
 */
export function checkinCard(mine, { channel = "app", full = false, help = false } = {}) {
  const headingId = `checkin-${mine.id}`;
  const body = h("div", { class: "checkin-body", "aria-live": "polite" });
  const card = h("article", { class: `card checkin-card ${mine.drill ? "is-drill" : "is-real"}`,
    "aria-labelledby": headingId, "data-checkin": mine.id },
  h("div", { class: "checkin-head" }, kindBadge(mine.drill),
    h("span", { class: "checkin-from" }, t("checkin.from", { name: mine.started_by,
      ago: formatAgo(Date.parse(mine.started_at)) }))),
  question(mine.question, "h2", { id: headingId, class: "checkin-question" }),
  mine.note && h("p", { class: "checkin-note", dir: "auto" },
    h("span", { class: "checkin-note-label" }, t("checkin.hrNote")), " ", mine.note),
  body);
  let current = mine;

  const show = (state) => body.replaceChildren(...state);
  const closed = () => show([h("p", { class: "checkin-closed" }, t("checkin.closed"))]);
  const answered = () => show([answeredLine(current.my_answer, full, () => show(buttons()))]);

  const submit = async (answer, note = "") => {
    show([h("p", { class: "checkin-sending", role: "status" }, t("checkin.sending"))]);
    const result = await send({ url: answersUrl(mine.id), label: "outbox.checkinAnswer",
      body: { answer, note, channel } });
    if (result.state === "failed") {
      await outbox.discard(result.id);
      toast(result.error, { kind: "error" });
      return current.state === "closed" ? closed() : show(buttons());
    }
    if (result.state === "queued") {
      current = { ...current, my_answer: { answer, note, at: null, channel } };
      return show([h("p", { class: "checkin-kept", role: "status" }, icon("offline", 18),
        t("checkin.kept", { answer: t(`checkin.answer.${answer}`) }))]);
    }
    current = result.data;
    show(undoLine(answer));
  };

  const undoLine = (answer) => {
    const line = h("p", { class: "checkin-sent", role: "status" }, icon("check", 18),
      t("checkin.sent", { answer: t(`checkin.answer.${answer}`) }), " ",
      h("button", { type: "button", class: "btn btn-quiet btn-small checkin-undo", onclick: undo },
        t("checkin.undo")));
    const timer = setTimeout(() => { if (line.isConnected) answered(); }, UNDO_MS);
    async function undo() {
      clearTimeout(timer);
      const answerId = current.my_answer?.id;
      if (!answerId) return show(buttons());
      const result = await send({ url: `${answersUrl(mine.id)}/${encodeURIComponent(answerId)}/undo`,
        label: "outbox.checkinUndo" });
      if (result.state === "delivered") current = result.data;
      else if (result.state === "failed") toast(result.error, { kind: "error" });
      return current.my_answer ? answered() : show(buttons());
    }
    return [line];
  };

  const helpNote = () => needHelpNote((note) => submit("need_help", note), () => show(buttons()));
  const buttons = () => {
    const chosen = current.my_answer?.answer;
    return [h("div", { class: "checkin-answers" }, ANSWERS.map((answer) =>
      h("button", { type: "button", class: `btn checkin-answer is-${answer}`,
        "aria-pressed": chosen ? String(chosen === answer) : null,
        onclick: () => (answer === "need_help" ? show([helpNote()]) : submit(answer)) },
      icon(ANSWER_ICONS[answer], 22),
      t(`checkin.answer.${answer}`))))];
  };

  // An answer kept offline, delivered later (by this page, another tab or the service worker).
  live(card, outbox.subscribe, (message) => {
    if (message.type !== "delivered" || message.entry.url !== answersUrl(mine.id)) return;
    current = message.data ?? current;
    // Not while the person writes a note or may still undo.
    if (!body.querySelector("textarea, .checkin-undo") && current.my_answer) answered();
  });

  if (mine.state === "closed") closed();
  else if (help) show([helpNote()]);
  else if (mine.my_answer) answered();
  else show(buttons());
  return card;
}

/** "You answered: safe · change" (with my note and when, on the check-in's own page). */
function answeredLine(mine, full, change) {
  const when = full && mine.at && h("span", { class: "checkin-when" }, ` · ${formatTime(Date.parse(mine.at))}`);
  return h("div", { class: "checkin-answered" },
    h("p", { class: "checkin-answered-line" }, icon("check", 18),
      h("span", {}, t("checkin.youAnswered", { answer: t(`checkin.answer.${mine.answer}`) }), when),
      " · ", h("button", { type: "button", class: "checkin-change", onclick: change }, t("checkin.change"))),
    full && mine.note && h("p", { class: "checkin-my-note", dir: "auto" }, mine.note));
}

/** "I need help": an optional note (up to 200 characters, with a counter), then send. */
export function needHelpNote(sendIt, back) {
  const id = `checkin-note-${Math.random().toString(36).slice(2, 8)}`;
  const counter = h("p", { class: "hint checkin-counter", id: `${id}-count`, "aria-live": "polite" });
  const text = h("textarea", { id, class: "input checkin-textarea", rows: 3, maxlength: NOTE_MAX,
    "aria-describedby": `${id}-count`, placeholder: t("checkin.notePlaceholder") });
  const count = () => {
    counter.textContent = t("checkin.noteCount", { count: formatNumber([...text.value].length),
      max: formatNumber(NOTE_MAX) });
  };
  text.addEventListener("input", count);
  count();
  const form = h("form", { class: "checkin-help", onsubmit: (event) => {
    event.preventDefault();
    sendIt(text.value.trim());
  } },
  h("label", { class: "label", for: id }, t("checkin.noteLabel")), text, counter,
  h("div", { class: "checkin-help-actions" },
    h("button", { type: "submit", class: "btn btn-primary checkin-answer is-need_help" },
      icon("send", 20), t("checkin.sendHelp")),
    back && h("button", { type: "button", class: "btn btn-quiet", onclick: back }, t("checkin.back"))));
  queueMicrotask(() => text.isConnected && text.focus());
  return form;
}

/** Shows an error that is not the network's (offline, the card keeps what it has). */
export const quietError = (error) => { if (!error.offline) showError(error); };
