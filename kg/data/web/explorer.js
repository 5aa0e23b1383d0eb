/* kg explorer: draws the graph, search, filters and the side panel.
   Everything from the corpus is data: it only reaches the page through
   textContent, option.text or vis-network canvas labels, never as markup. */
(function () {
  "use strict";
  const times = window.kgTimes = {start: performance.now()};  // read by benchmarks/explorer.py
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  times.parsed = performance.now();
  const N = data.nodes, T = data.types, L = data.edgeLabels;
  const PERSON = T.findIndex(function (t) { return t[0] === "Person"; });
  const byId = new Map();
  let adjacency = null;
  function adj() {  /* built on first use: keeps the first draw fast */
    if (adjacency === null) {
      adjacency = N.map(function () { return []; });
      data.edges.forEach(function (e) {
        adjacency[e[0]].push([e[1], e[2], 1]);
        adjacency[e[1]].push([e[0], e[2], -1]);
      });
    }
    return adjacency;
  }
  const visNodes = N.map(function (n, i) {
    byId.set(n[0], i);
    const t = T[n[2]];
    const node = {id: n[0], label: n[1], size: n[5], group: t[0]};
    if (n[3] !== null) { node.x = n[3]; node.y = n[4]; }
    if (!data.big) {
      const tip = [n[1], "类型：" + t[1] + "（" + t[0] + "）"];
      if (n[6].length) { tip.push("别名：" + n[6].join("、")); }
      tip.push("IRI：" + n[0]);
      node.title = tip.join("\n");
    }
    return node;
  });
  const visEdges = data.edges.map(function (e, k) {
    const edge = {id: k, from: N[e[0]][0], to: N[e[1]][0]};
    if (!data.big) { edge.label = L[e[2]][0]; edge.title = L[e[2]][0] + "\n" + L[e[2]][1]; }
    return edge;
  });
  const nodes = new vis.DataSet(visNodes);
  const edges = new vis.DataSet(visEdges);
  times.datasets = performance.now();
  const network = new vis.Network(document.getElementById("mynetwork"),
                                  {nodes: nodes, edges: edges}, data.options);
  times.network = performance.now();
  network.once("afterDrawing", function () {
    times.drawn = performance.now();
    document.body.setAttribute("data-drawn", "1");
  });
  window.nodes = nodes;
  window.edges = edges;
  window.network = network;

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  /* ---- filters: type check boxes, region and honour menus ---- */
  const hidden = new Uint8Array(N.length);
  const typeBoxes = Array.from(document.querySelectorAll("#types input"));
  const regionSel = document.getElementById("region");
  const honourSel = document.getElementById("honour");
  function fillMenu(select, groups) {
    groups.forEach(function (g, k) {
      const opt = document.createElement("option");
      opt.value = String(k);
      opt.text = N[g[0]][1] + "（" + g[1].length + "）";
      select.appendChild(opt);
    });
    if (!groups.length) { select.disabled = true; }
  }
  fillMenu(regionSel, data.regions);
  fillMenu(honourSel, data.honours);
  const totals = document.getElementById("totals");
  const totalText = totals.textContent;

  function applyFilters() {
    const typeOn = typeBoxes.map(function (b) { return b.checked; });
    const groups = [];
    if (regionSel.value !== "") { groups.push(data.regions[+regionSel.value][1]); }
    if (honourSel.value !== "") { groups.push(data.honours[+honourSel.value][1]); }
    let personOk = null;
    if (groups.length) {
      const hits = new Uint8Array(N.length);
      groups.forEach(function (members) { members.forEach(function (i) { hits[i] += 1; }); });
      personOk = hits.map(function (h) { return h === groups.length ? 1 : 0; });
    }
    const changes = [];
    const links = adj();
    let shown = 0;
    for (let i = 0; i < N.length; i++) {
      let on = typeOn[N[i][2]];
      if (on && personOk !== null) {
        on = N[i][2] === PERSON ? personOk[i] === 1
          : links[i].some(function (a) { return personOk[a[0]] === 1; });
      }
      if (on) { shown++; }
      if (hidden[i] !== (on ? 0 : 1)) {
        hidden[i] = on ? 0 : 1;
        changes.push({id: N[i][0], hidden: !on});
      }
    }
    if (changes.length) { nodes.update(changes); }
    totals.textContent = shown === N.length ? totalText
      : "显示 " + shown + " / " + N.length + " 个节点";
    document.body.setAttribute("data-shown", String(shown));
  }
  typeBoxes.forEach(function (b) { b.addEventListener("change", applyFilters); });
  regionSel.addEventListener("change", applyFilters);
  honourSel.addEventListener("change", applyFilters);

  function resetFilters() {
    typeBoxes.forEach(function (b) { b.checked = true; });
    regionSel.value = "";
    honourSel.value = "";
    applyFilters();
  }

  /* ---- side panel ---- */
  const panel = document.getElementById("panel");
  const body = document.getElementById("panel-body");
  const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

  function docLink(d) {
    const doc = data.docs[d];
    if (!doc) { return el("span", "（未知文档）"); }
    const href = doc[1];
    const a = el("a", doc[0]);
    if (href && (!SCHEME.test(href) || href.slice(0, 8) === "file:///")) {
      a.setAttribute("href", href);
      a.setAttribute("target", "_blank");
      a.setAttribute("rel", "noopener");
    }
    a.title = doc[2];
    return a;
  }

  function quoteIn(sentence, quote) {
    const box = el("blockquote");
    const at = quote ? sentence.indexOf(quote) : -1;
    if (at < 0) {
      box.textContent = sentence || quote;
      return box;
    }
    box.appendChild(document.createTextNode(sentence.slice(0, at)));
    box.appendChild(el("mark", quote));
    box.appendChild(document.createTextNode(sentence.slice(at + quote.length)));
    return box;
  }

  function section(title) {
    body.appendChild(el("h3", title));
  }

  function showPanel(i) {
    const n = N[i], t = T[n[2]], det = data.details[i], links = adj()[i];
    body.replaceChildren();
    body.appendChild(el("h2", n[1]));
    body.appendChild(el("div", t[4] + " " + t[1] + "（" + t[0] + "）", "kind"));
    body.appendChild(el("div", n[0], "iri"));
    if (n[6].length) {
      section("别名");
      const ul = el("ul", null, "aliases");
      n[6].forEach(function (a) { ul.appendChild(el("li", a)); });
      body.appendChild(ul);
    }
    if (det.p.length) {
      section("属性");
      const dl = el("dl", null, "props");
      det.p.forEach(function (p) { dl.appendChild(el("dt", p[0])); dl.appendChild(el("dd", p[1])); });
      body.appendChild(dl);
    }
    if (links.length) {
      section("关系（" + links.length + "）");
      const ul = el("ul", null, "links");
      links.slice(0, 200).forEach(function (a) {
        const li = el("li");
        const b = el("button", (a[2] > 0 ? "→ " : "← ") + L[a[1]][0] + "：" + N[a[0]][1], "link");
        b.type = "button";
        b.addEventListener("click", function () { choose(a[0]); });
        li.appendChild(b);
        ul.appendChild(li);
      });
      if (links.length > 200) { ul.appendChild(el("li", "…… 另有 " + (links.length - 200) + " 条")); }
      body.appendChild(ul);
    }
    if (det.f.length) {
      section("事实与出处（" + det.f.length + "）");
      det.f.forEach(function (f) {
        const fact = data.facts[f];
        const div = el("div", null, "fact");
        div.appendChild(el("div", fact[0] + "：" + fact[1], "summary"));
        fact[2].forEach(function (ev) {
          const s = data.sentences[ev[1]];
          div.appendChild(quoteIn(s ? s[0] : "", ev[0]));
          const src = el("div", "出处：", "src");
          src.appendChild(docLink(ev[2]));
          div.appendChild(src);
        });
        body.appendChild(div);
      });
    }
    if (det.d.length) {
      section("提及文档");
      const ul = el("ul", null, "docs");
      det.d.forEach(function (d) { const li = el("li"); li.appendChild(docLink(d)); ul.appendChild(li); });
      body.appendChild(ul);
    }
    panel.hidden = false;
    panel.setAttribute("data-node", n[0]);
  }

  document.getElementById("panel-close").addEventListener("click", function () {
    panel.hidden = true;
    network.unselectAll();
  });

  function choose(i) {
    if (hidden[i]) { resetFilters(); }
    const id = N[i][0];
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1.0),
                       animation: data.big ? false : {duration: 400}});
    showPanel(i);
  }

  network.on("click", function (params) {
    if (params.nodes.length && byId.has(params.nodes[0])) { showPanel(byId.get(params.nodes[0])); }
  });

  /* ---- search by name or alias ---- */
  const search = document.getElementById("search");
  const results = document.getElementById("results");
  let names = null;

  function matches(q) {
    if (names === null) {
      names = N.map(function (n) {
        return [n[1]].concat(n[6]).map(function (s) { return s.toLowerCase(); });
      });
    }
    const exact = [], prefix = [], inside = [];
    for (let i = 0; i < N.length; i++) {
      const ns = names[i];
      if (ns.indexOf(q) >= 0) { exact.push(i); }
      else if (ns.some(function (s) { return s.startsWith(q); })) { prefix.push(i); }
      else if (ns.some(function (s) { return s.includes(q); })) { inside.push(i); }
    }
    return exact.concat(prefix, inside);
  }

  function runSearch() {
    const q = search.value.trim().toLowerCase();
    results.replaceChildren();
    if (!q) { return []; }
    const found = matches(q);
    found.slice(0, 30).forEach(function (i) {
      const li = el("li");
      const extra = N[i][6].length ? "（" + N[i][6].join("、") + "）" : "";
      const b = el("button", T[N[i][2]][4] + " " + N[i][1] + extra);
      const near = adj()[i][0];  /* a neighbour tells apart people of the same name */
      if (near) { b.appendChild(el("small", " · " + N[near[0]][1], "near")); }
      b.type = "button";
      b.setAttribute("data-id", N[i][0]);
      b.addEventListener("click", function () { choose(i); });
      li.appendChild(b);
      results.appendChild(li);
    });
    if (!found.length) { results.appendChild(el("li", "没有找到", "hint")); }
    if (found.length > 30) { results.appendChild(el("li", "共 " + found.length + " 个结果", "hint")); }
    return found;
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      const found = runSearch();
      if (found.length) { choose(found[0]); }
    }
  });

  if (data.focus && byId.has(data.focus)) {
    network.once("afterDrawing", function () { choose(byId.get(data.focus)); });
  }
})();
