// The app's line icons (24x24, drawn with the text colour), inline so they need no requests.

const PATHS = {
  home: ["M3.5 10.5 12 3.5l8.5 7V19a1.5 1.5 0 0 1-1.5 1.5h-4.5v-6h-5v6H5A1.5 1.5 0 0 1 3.5 19z"],
  news: ["M6 4.5h12a3 3 0 0 1 3 3v9a3 3 0 0 1-3 3H6a3 3 0 0 1-3-3v-9a3 3 0 0 1 3-3z",
    "M10 9v6l5-3z"],
  stories: ["M4.5 6.5h9a2.5 2.5 0 0 1 2.5 2.5v6a2.5 2.5 0 0 1-2.5 2.5h-9A2.5 2.5 0 0 1 2 15V9a2.5 2.5 0 0 1 2.5-2.5z",
    "m16 10.5 6-3.5v10l-6-3.5"],
  notes: ["M12 20s-7.4-4.4-9-9C1.8 7.6 4 4.5 7.2 4.5c2 0 3.3 1 4.8 2.9 1.5-1.9 2.8-2.9 4.8-2.9 3.2 0 5.4 3.1 4.2 6.5-1.6 4.6-9 9-9 9z"],
  pass: ["M12 2.8 4.5 5.6v5.6c0 4.6 3.1 8.4 7.5 10 4.4-1.6 7.5-5.4 7.5-10V5.6z",
    "m8.8 12 2.3 2.3 4.3-4.6"],
  more: ["M5 13.2a1.2 1.2 0 1 0 0-2.4 1.2 1.2 0 0 0 0 2.4z", "M12 13.2a1.2 1.2 0 1 0 0-2.4 1.2 1.2 0 0 0 0 2.4z",
    "M19 13.2a1.2 1.2 0 1 0 0-2.4 1.2 1.2 0 0 0 0 2.4z"],
  refresh: ["M20 12a8 8 0 1 1-2.3-5.7", "M20 4.5V9h-4.5"],
  chevron: ["m9.5 6 6 6-6 6"],
  back: ["m14.5 6-6 6 6 6"],
  install: ["M12 4v11", "m7.5 10.5 4.5 4.5 4.5-4.5", "M5 20h14"],
  share: ["M12 3.5v11", "m8 7.5 4-4 4 4", "M7 10.5H6A1.5 1.5 0 0 0 4.5 12v7A1.5 1.5 0 0 0 6 20.5h12a1.5 1.5 0 0 0 1.5-1.5v-7a1.5 1.5 0 0 0-1.5-1.5h-1"],
  offline: ["M3 3l18 18", "M8.6 6.1A6 6 0 0 1 17.6 10h.4a4 4 0 0 1 2.6 7",
    "M17 19H7a5 5 0 0 1-1.6-9.7"],
  send: ["M21 3 10.5 13.5", "M21 3l-6.5 18-4-7.5-7.5-4z"],
  print: ["M7 8.5V3.5h10v5", "M7 17.5H5A1.5 1.5 0 0 1 3.5 16v-6A1.5 1.5 0 0 1 5 8.5h14a1.5 1.5 0 0 1 1.5 1.5v6a1.5 1.5 0 0 1-1.5 1.5h-2",
    "M7 14h10v6.5H7z"],
  clock: ["M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z", "M12 7.5V12l3 2"],
  alert: ["M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z", "M12 7.5v5.5", "M12 16.5h.01"],
  check: ["m5 12.5 4.5 4.5L19 7.5"],
  users: ["M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z", "M2.5 20.5v-.5a6 6 0 0 1 6-6h1a6 6 0 0 1 6 6v.5",
    "M16 3.2a4 4 0 0 1 0 7.6", "M21.5 20.5v-.5a6 6 0 0 0-3.5-5.5"],
  megaphone: ["M3.5 10v4a1 1 0 0 0 1 1H7l5 4V5L7 9H4.5a1 1 0 0 0-1 1z", "M15.5 9a4.5 4.5 0 0 1 0 6",
    "M18.5 6a8.5 8.5 0 0 1 0 12"],
  activity: ["M3 12h4l3-7.5 4 15 3-7.5h4"],
  scan: ["M4 8V6a2 2 0 0 1 2-2h2", "M16 4h2a2 2 0 0 1 2 2v2", "M20 16v2a2 2 0 0 1-2 2h-2",
    "M8 20H6a2 2 0 0 1-2-2v-2", "M7.5 12h9"],
  signout: ["M9.5 20.5H6A1.5 1.5 0 0 1 4.5 19V5A1.5 1.5 0 0 1 6 3.5h3.5", "m15.5 16.5 4.5-4.5-4.5-4.5",
    "M20 12H9.5"],
  globe: ["M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z", "M3 12h18", "M12 3a13.5 13.5 0 0 1 0 18",
    "M12 3a13.5 13.5 0 0 0 0 18"],
  play: ["M7.5 4.8v14.4a.8.8 0 0 0 1.2.7l11.4-7.2a.8.8 0 0 0 0-1.4L8.7 4.1a.8.8 0 0 0-1.2.7z"],
  download: ["M12 3.5v11", "m7.5 10 4.5 4.5 4.5-4.5", "M4.5 16.5v2a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2v-2"],
  upload: ["M12 15.5v-11", "m7.5 9 4.5-4.5L16.5 9", "M4.5 16.5v2a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2v-2"],
  video: ["M4.5 6.5h9a2.5 2.5 0 0 1 2.5 2.5v6a2.5 2.5 0 0 1-2.5 2.5h-9A2.5 2.5 0 0 1 2 15V9a2.5 2.5 0 0 1 2.5-2.5z",
    "m16 10.5 6-3.5v10l-6-3.5", "M6.5 10h.01"],
  pin: ["M9 3.5h6", "M10 3.5v5.5l-3 3.5h10l-3-3.5V3.5", "M12 12.5v8"],
  trash: ["M4 6.5h16", "M9.5 6.5V4.5h5v2", "M6 6.5l1 13a1.5 1.5 0 0 0 1.5 1.4h7a1.5 1.5 0 0 0 1.5-1.4l1-13",
    "M10 10.5v6", "M14 10.5v6"],
  phone: ["M8 2.5h8A1.5 1.5 0 0 1 17.5 4v16a1.5 1.5 0 0 1-1.5 1.5H8A1.5 1.5 0 0 1 6.5 20V4A1.5 1.5 0 0 1 8 2.5z",
    "M11 18.5h2"],
};

/** An <svg> icon; decorative (aria-hidden) since its button or link carries the words. */
export function icon(name, size = 24) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  for (const [attr, value] of Object.entries({ viewBox: "0 0 24 24", width: size, height: size,
    fill: "none", stroke: "currentColor", "stroke-width": 2, "stroke-linecap": "round",
    "stroke-linejoin": "round", "aria-hidden": "true", focusable: "false", class: "icon" })) {
    svg.setAttribute(attr, String(value));
  }
  for (const d of PATHS[name]) {
    const path = document.createElementNS(ns, "path");
    path.setAttribute("d", d);
    svg.append(path);
  }
  return svg;
}
