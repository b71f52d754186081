// Sign in with an emailed one-time code: step 1 asks for the email, step 2 for the code.

import { post } from "../api.js";
import { h, logo } from "../dom.js";
import { t } from "../i18n.js";
import { clearErrors, showError, showFieldError, toast } from "../toast.js";

// People switch to their mail app to read the code, and the phone may unload this page
// meanwhile; the pending email survives that for as long as a code stays valid.
const PENDING_KEY = "together.signin.pending";
const PENDING_MS = 10 * 60 * 1000;
const CODE_LENGTH = 6;

export const title = () => t("signin.title");

export function render(ctx) {
  const card = h("div", { class: "card signin-card" });
  const screen = h("section", { class: "screen screen-signin" },
    h("header", { class: "hero" },
      logo(72),
      h("p", { class: "brand" }, t("app.name")),
      h("p", { class: "tagline" }, t("app.tagline"))),
    card);

  const show = (step, email) => {
    card.replaceChildren(...(step === "code" ? codeStep(ctx, email, show) : emailStep(show)));
  };
  const pending = readPending();
  show(pending ? "code" : "email", pending);
  return screen;
}

function emailStep(show) {
  const input = h("input", {
    id: "signin-email", name: "email", type: "email", class: "input",
    autocomplete: "email", inputmode: "email", autocapitalize: "off", spellcheck: "false",
    placeholder: t("signin.emailPlaceholder"), required: true,
    "aria-describedby": "signin-email-error",
  });
  const button = h("button", { type: "submit", class: "btn btn-primary" }, t("signin.send"));
  const form = h("form", { class: "form", novalidate: true, onsubmit: submit },
    formError(),
    field(input, t("signin.email")),
    button);

  async function submit(event) {
    event.preventDefault();
    clearErrors(form);
    const email = input.value.trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) return showFieldError(input, t("signin.emailInvalid"));
    await busy(button, t("signin.sending"), async () => {
      try {
        await post("/api/auth/start", { email });
        writePending(email);
        show("code", email);
      } catch (error) {
        showError(error, { form });
      }
    });
  }

  return [
    h("h1", { class: "title" }, t("signin.title")),
    h("p", { class: "lead" }, t("signin.lead")),
    form,
  ];
}

function codeStep(ctx, email, show) {
  const input = h("input", {
    id: "signin-code", name: "code", type: "text", class: "input input-code",
    autocomplete: "one-time-code", inputmode: "numeric", pattern: "[0-9]*",
    placeholder: "••••••", required: true, "aria-describedby": "signin-code-error signin-code-hint",
    oninput: () => {
      input.value = digits(input.value);
      // A pasted or autofilled code signs in at once; typing the last digit does too.
      if (input.value.length === CODE_LENGTH) form.requestSubmit();
    },
  });
  const button = h("button", { type: "submit", class: "btn btn-primary" }, t("code.submit"));
  const form = h("form", { class: "form", novalidate: true, onsubmit: submit },
    formError(),
    field(input, t("code.label")),
    h("p", { id: "signin-code-hint", class: "hint" }, t("code.hint")),
    button);
  let submitting = false;

  async function submit(event) {
    event.preventDefault();
    if (submitting) return;
    clearErrors(form);
    const code = digits(input.value);
    if (code.length !== CODE_LENGTH) return showFieldError(input, t("code.invalid"));
    submitting = true;
    await busy(button, t("code.checking"), async () => {
      try {
        const profile = await post("/api/auth/verify", { email, code });
        clearPending();
        ctx.signedIn(profile);
      } catch (error) {
        showError(error, { form });
        input.select();
      }
    });
    submitting = false;
  }

  async function resend(event) {
    const link = event.currentTarget;
    await busy(link, t("signin.sending"), async () => {
      try {
        await post("/api/auth/start", { email });
        writePending(email);
        clearErrors(form);
        input.value = "";
        toast(t("code.resent"));
      } catch (error) {
        showError(error, { form });
      }
    });
  }

  queueMicrotask(() => input.focus());
  return [
    h("h1", { class: "title" }, t("code.title")),
    h("p", { class: "lead" }, t("code.lead"), " ", h("strong", { class: "email" }, email)),
    form,
    h("div", { class: "actions" },
      h("button", { type: "button", class: "btn btn-quiet", onclick: resend }, t("code.resend")),
      h("button", { type: "button", class: "btn btn-quiet", onclick: () => {
        clearPending();
        show("email");
      } }, t("code.change"))),
  ];
}

function field(input, label) {
  return h("div", { class: "field" },
    h("label", { class: "label", for: input.id }, label),
    input,
    h("p", { id: `${input.id}-error`, class: "field-error", hidden: true }));
}

function formError() {
  return h("div", { class: "form-error", role: "alert", hidden: true });
}

/** Disables a button and shows what is happening while work runs. */
async function busy(button, label, work) {
  const idle = button.textContent;
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  button.textContent = label;
  try {
    await work();
  } finally {
    button.disabled = false;
    button.removeAttribute("aria-busy");
    button.textContent = idle;
  }
}

/** Only ASCII digits, at most six; full-width digits from a Chinese keyboard count too. */
function digits(value) {
  return value
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xFF10 + 48))
    .replace(/\D/g, "")
    .slice(0, CODE_LENGTH);
}

function readPending() {
  try {
    const pending = JSON.parse(localStorage.getItem(PENDING_KEY) || "null");
    if (pending && Date.now() - pending.at < PENDING_MS) return pending.email;
  } catch (error) {
    console.warn("ignoring an unreadable pending sign-in", error);
  }
  clearPending();
  return null;
}

function writePending(email) {
  localStorage.setItem(PENDING_KEY, JSON.stringify({ email, at: Date.now() }));
}

function clearPending() {
  localStorage.removeItem(PENDING_KEY);
}
