// The one-time link from the check-in email (/answer/<token>, no sign-in, no shell): the
// question and the three answers. A link already used or out of date says so in words.

import { fetchJson } from "../api.js";
import { h, logo } from "../dom.js";
import { t } from "../i18n.js";
import { icon } from "../icons.js";
import { idIn } from "../routes.js";
import { ANSWER_ICONS, ANSWERS, kindBadge, needHelpNote, question } from "../ui/checkin-card.js";
import { loadStyle } from "../ui/styles.js";

export const title = () => t("answerLink.title");

export function render() {
  loadStyle("checkins");
  const url = `/api/checkins/by-link/${encodeURIComponent(idIn(location.pathname))}`;
  const stage = h("div", { class: "answer-stage", "aria-live": "polite" },
    h("p", { class: "app-loading", role: "status" }, t("app.loading")));
  const say = (titleKey, text) => stage.replaceChildren(h("div", { class: "card answer-said",
    role: "alert" }, h("h1", { class: "answer-said-title" }, t(titleKey)), h("p", {}, text)));
  fetchJson(url).then((link) => stage.replaceChildren(...asked(link, url, say)), (error) => {
    if (error.status === 404) say("answerLink.unknownTitle", t("answerLink.unknown"));
    else if (error.status === 410) say("answerLink.spentTitle", error.message);
    else say("answerLink.problemTitle", error.message);
  });
  return h("div", { class: "answer-page" },
    h("header", { class: "answer-brand" }, logo(32), h("span", {}, t("app.name"))), stage);
}

function asked(link, url, say) {
  const answers = h("div", { class: "checkin-answers" });
  const problem = h("p", { class: "form-error", role: "alert", hidden: true });
  const submit = async (answer, note = "") => {
    for (const button of answers.querySelectorAll("button")) button.disabled = true;
    try {
      await fetchJson(url, { method: "POST", body: { answer, note } });
      say("answerLink.thanksTitle", t("answerLink.thanks", { answer: t(`checkin.answer.${answer}`) }));
    } catch (error) {
      if (error.status === 410 || error.status === 404) return say("answerLink.spentTitle", error.message);
      problem.textContent = error.message; // offline: the buttons stay, to try again
      problem.hidden = false;
      showButtons();
    }
  };
  const showButtons = () => answers.replaceChildren(...ANSWERS.map((answer) =>
    h("button", { type: "button", class: `btn checkin-answer is-${answer}`,
      onclick: () => (answer === "need_help"
        ? answers.replaceChildren(needHelpNote((note) => submit("need_help", note), showButtons))
        : submit(answer)) }, icon(ANSWER_ICONS[answer], 22), t(`checkin.answer.${answer}`))));
  showButtons();
  return [h("article", { class: `card checkin-card answer-card ${link.drill ? "is-drill" : "is-real"}` },
    h("div", { class: "checkin-head" }, kindBadge(link.drill)),
    h("p", { class: "answer-hello" }, t("answerLink.hello", { name: link.name })),
    question(link.question, "h1", { class: "checkin-question" }),
    link.note && h("p", { class: "checkin-note", dir: "auto" },
      h("span", { class: "checkin-note-label" }, t("checkin.hrNote")), " ", link.note),
    problem, answers,
    h("p", { class: "hint answer-hint" }, t("answerLink.noSignIn")))];
}
