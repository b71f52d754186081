// Builds elements with text as text: user strings never pass through innerHTML.

/**
 * h("button", {class: "btn", type: "submit", onclick: fn}, "Label", child)
 * Attributes named on* become listeners; null/false attributes and children are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      el.addEventListener(name.slice(2), value);
    } else if (value === true) {
      el.setAttribute(name, "");
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** The app's mark: two overlapping circles, drawn inline so it follows the colour scheme. */
export function logo(size = 56) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 64 64");
  svg.setAttribute("width", String(size));
  svg.setAttribute("height", String(size));
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("class", "logo");
  for (const [cx, cls] of [[24, "logo-a"], [40, "logo-b"]]) {
    const circle = document.createElementNS(ns, "circle");
    circle.setAttribute("cx", String(cx));
    circle.setAttribute("cy", "32");
    circle.setAttribute("r", "16");
    circle.setAttribute("class", cls);
    svg.append(circle);
  }
  return svg;
}

/**
 * Keeps `node` up to date while it is on screen: subscribe(listener) is called once, and the
 * listener stops itself (through the function subscribe returned) once the node is gone.
 */
export function live(node, subscribe, update) {
  const stop = subscribe((...args) => {
    if (node.isConnected) update(...args);
    else stop();
  });
  return node;
}

/** Text for screen readers only (a count next to an icon, say). */
export const hiddenText = (text) => h("span", { class: "visually-hidden" }, text);
