// Draws a pass text as a QR code (ECC M, one alphanumeric segment) in SVG: sharp at any size.

import qrcode from "../../vendor/qrcode-generator/qrcode.mjs";

const SVG = "http://www.w3.org/2000/svg";
const QUIET = 4; // modules of white around the code, as scanners expect

/** An <svg> of the QR code for text, with `label` as its accessible name. */
export function qrSvg(text, label) {
  const qr = qrcode(0, "M");
  qr.addData(text, "Alphanumeric");
  qr.make();
  const count = qr.getModuleCount();
  let d = "";
  for (let row = 0; row < count; row += 1) {
    for (let col = 0; col < count; col += 1) {
      if (!qr.isDark(row, col)) continue;
      let run = 1; // one path segment per run of dark modules keeps the path short
      while (col + run < count && qr.isDark(row, col + run)) run += 1;
      d += `M${col + QUIET} ${row + QUIET}h${run}v1h-${run}z`;
      col += run - 1;
    }
  }
  const size = count + 2 * QUIET;
  const svg = element("svg", { viewBox: `0 0 ${size} ${size}`, role: "img", "aria-label": label,
    "shape-rendering": "crispEdges", class: "qr", "data-modules": count });
  svg.append(element("rect", { width: size, height: size, fill: "#fff" }),
    element("path", { d, fill: "#000" }));
  return svg;
}

function element(tag, attrs) {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  return el;
}
