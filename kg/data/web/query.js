// The kg query page. Results are data, never markup: every value reaches the page through
// textContent or an option's text, never innerHTML. The page talks only to its own server.
(function () {
  "use strict";
  var form = document.getElementById("query-form");
  var editor = document.getElementById("sparql");
  var examples = document.getElementById("examples");
  var help = document.getElementById("example-help");
  var run = document.getElementById("run");
  var status = document.getElementById("status");
  var error = document.getElementById("error");
  var table = document.getElementById("table");
  var graph = document.getElementById("graph");
  var named = {};

  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
  }

  function cell(tag, text, cls) {
    var el = document.createElement(tag);
    el.textContent = text;
    if (cls) { el.className = cls; }
    return el;
  }

  function showError(message) {
    error.textContent = message;
    error.hidden = false;
  }

  function termText(term) {
    if (!term) { return ""; }
    if (term.type === "bnode") { return "_:" + term.value; }
    return term.value;
  }

  function renderSelect(data) {
    var head = table.tHead, body = table.tBodies[0];
    var vars = data.head.vars || [];
    var row = document.createElement("tr");
    vars.forEach(function (v) { row.appendChild(cell("th", v)); });
    head.appendChild(row);
    data.results.bindings.forEach(function (binding) {
      var tr = document.createElement("tr");
      vars.forEach(function (v) {
        var term = binding[v];
        var td = cell("td", termText(term), term ? (term.type === "uri" ? "iri" : "") : "unbound");
        if (term && term["xml:lang"]) { td.title = "@" + term["xml:lang"]; }
        else if (term && term.datatype) { td.title = term.datatype; }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    table.hidden = false;
    return data.results.bindings.length;
  }

  function reset() {
    clear(table.tHead);
    clear(table.tBodies[0]);
    table.hidden = true;
    graph.textContent = "";
    graph.hidden = true;
    error.textContent = "";
    error.hidden = true;
  }

  function finish(state, text) {
    status.textContent = text;
    run.disabled = false;
    document.body.dataset.state = state;
  }

  function runQuery() {
    reset();
    run.disabled = true;
    document.body.dataset.state = "running";
    status.textContent = "…";
    var started = performance.now();
    fetch("/sparql", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json, text/turtle;q=0.9"
      },
      body: new URLSearchParams({query: editor.value}),
      credentials: "omit"
    }).then(function (response) {
      return response.text().then(function (text) { return {response: response, text: text}; });
    }).then(function (r) {
      var ms = Math.round(performance.now() - started);
      var type = r.response.headers.get("Content-Type") || "";
      if (!r.response.ok) {
        showError(r.response.status + " " + r.text.trim());
        finish("error", "");
        return;
      }
      var note = "";
      if (r.response.headers.get("X-KG-Truncated") === "true") {
        note = "（已截断：结果超过 " + r.response.headers.get("X-KG-Row-Limit") + " 行）";
      }
      if (type.indexOf("json") >= 0) {
        var data = JSON.parse(r.text);
        if (typeof data.boolean === "boolean") {
          graph.textContent = "ASK: " + data.boolean;
          graph.hidden = false;
          finish("done", ms + " ms");
        } else {
          var n = renderSelect(data);
          finish("done", n + " 行 rows, " + ms + " ms " + note);
        }
      } else {
        graph.textContent = r.text;
        graph.hidden = false;
        finish("done", r.response.headers.get("X-KG-Rows") + " triples, " + ms + " ms " + note);
      }
    }).catch(function (err) {
      showError(String(err));
      finish("error", "");
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    runQuery();
  });
  editor.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      runQuery();
    }
  });
  examples.addEventListener("change", function () {
    var q = named[examples.value];
    help.textContent = q ? q.description : "";
    if (q) { editor.value = q.text; }
  });

  fetch("/api/queries", {credentials: "omit"}).then(function (response) {
    if (!response.ok) { throw new Error("cannot load the named queries: " + response.status); }
    return response.json();
  }).then(function (data) {
    data.queries.forEach(function (q) {
      named[q.name] = q;
      var option = document.createElement("option");
      option.value = q.name;
      option.textContent = q.name + " — " + q.description;
      examples.appendChild(option);
    });
    document.body.dataset.ready = "1";
  }).catch(function (err) {
    showError(String(err));
    document.body.dataset.ready = "1";
  });
})();
