// Renders /api/openapi.json as a readable list; every string goes in as text.
(async () => {
  const main = document.getElementById("ops");
  const spec = await (await fetch("/api/openapi.json")).json();
  main.textContent = "";
  const el = (tag, cls, text) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const byTag = {};
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (method === "parameters") continue;
      (byTag[(op.tags || ["other"])[0]] ||= []).push([method, path, op]);
    }
  }
  for (const [tag, ops] of Object.entries(byTag)) {
    main.append(el("h2", "", tag));
    for (const [method, path, op] of ops) {
      const box = el("div", "op");
      box.append(el("span", "m", method.toUpperCase()), el("code", "", path));
      if (op.summary) box.append(el("div", "", op.summary));
      const codes = Object.keys(op.responses || {}).join(", ");
      if (codes) box.append(el("div", "", "Responses: " + codes));
      main.append(box);
    }
  }
})();
