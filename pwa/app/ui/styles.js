// The signed-in screens' stylesheets, after styles/core.css (which index.html links): fetched
// once someone signs in, so the sign-in screen downloads only what it shows.

export const SCREEN_STYLES = ["home", "empty", "lists", "more", "pass", "video", "console", "inbox", "notes", "stories",
  "supplies", "checkins", "events"];

let loading = null;

/** Adds the screens' stylesheets in cascade order; resolves once they apply (or failed to). */
export function loadScreenStyles() {
  loading ??= Promise.all(SCREEN_STYLES.map((name) => new Promise((resolve) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = `/styles/${name}.css`;
    // A stylesheet that did not arrive must not keep the app from opening: it shows unstyled
    // parts rather than nothing, and the next start tries again.
    link.addEventListener("load", resolve);
    link.addEventListener("error", () => {
      console.warn(`stylesheet ${link.href} did not load`);
      resolve();
    });
    document.head.append(link);
  })));
  return loading;
}

/** One screen's stylesheet on a page without the shell (the big screen), once. */
export function loadStyle(name) {
  const href = `/styles/${name}.css`;
  if (document.querySelector(`link[rel=stylesheet][href="${href}"]`)) return;
  document.head.append(Object.assign(document.createElement("link"), { rel: "stylesheet", href }));
}
