"""An offline, self-contained HTML view of a kg graph (vis-network via pyvis).

The page must open from a file share or a laptop without network access, and
everything shown comes from news text, so: all JS/CSS is inlined from the pyvis
package, a Content-Security-Policy forbids any fetch, and document text only
reaches the page as escaped JSON data drawn on a canvas or set as plain text.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import html
import json
import math
import os
import re
import tempfile
from collections import defaultdict
from pathlib import Path
from string import Template

import networkx as nx
import pyvis
from pyvis.edge import Edge
from pyvis.network import Network
from pyvis.node import Node
from rdflib import Graph, Literal, URIRef

from kg.namespaces import KG, ORG, PREFIXES, RDF, RDFS, SDO, SKOS

# type key -> (rdf classes, Chinese name, vis shape, colour, legend glyph)
NODE_TYPES: dict[str, tuple[tuple[URIRef, ...], str, str, str, str]] = {
    "Person": ((SDO.Person,), "人物", "dot", "#4e79a7", "●"),
    "Place": ((SDO.Place, SDO.AdministrativeArea), "地点", "triangle", "#59a14f", "▲"),
    "Organization": ((SDO.Organization, ORG.Organization), "机构", "square", "#f28e2b", "■"),
    "Event": ((SDO.Event,), "事件", "star", "#e15759", "★"),
    "Honour": ((KG.Honour,), "荣誉", "diamond", "#b07aa1", "◆"),
}
# shortcut triples drawn as edges, with their Chinese edge labels
EDGE_LABELS: dict[URIRef, str] = {
    KG.delegateTo: "代表",
    ORG.memberOf: "任职",
    KG.region: "地区",
    KG.received: "荣誉",
    SDO.containedInPlace: "属于",
    ORG.subOrganizationOf: "下级",
    SDO.location: "地点",
}
FONT_STACK = (
    '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", '
    '"Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'
)
LAYOUT_THRESHOLD = 300  # above this many nodes, lay out in Python and switch physics off
SEED = 42
_VIS_DIR = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
_REMOTE_REF = re.compile(r"""(?:\b(?:src|href)\s*=|url\()\s*["']?\s*(?:https?:)?//""", re.I)


def _label(graph: Graph, node: URIRef) -> str:
    """The display name: skos:prefLabel (Chinese first), then rdfs:label, then the IRI tail."""
    for prop in (SKOS.prefLabel, RDFS.label):
        labels = [o for o in graph.objects(node, prop) if isinstance(o, Literal)]
        if labels:
            zh = [str(o) for o in labels if (o.language or "").lower().startswith("zh")]
            return min(zh or [str(o) for o in labels])
    return str(node).rstrip("/").rsplit("/", 1)[-1]


def _curie(iri: str) -> str:
    """A short name for tooltips (longest matching namespace wins)."""
    matches = [(len(str(ns)), prefix) for prefix, ns in PREFIXES.items() if iri.startswith(str(ns))]
    if not matches:
        return iri
    length, prefix = max(matches)
    return f"{prefix}:{iri[length:]}"


def _node_type(types: set[URIRef]) -> str | None:
    for key, (classes, *_rest) in NODE_TYPES.items():
        if types.intersection(classes):
            return key
    return None


def _membership_titles(graph: Graph) -> dict[tuple[str, str], list[str]]:
    """Titles per (person, organisation) from org:Membership facts, for memberOf edge labels."""
    titles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for fact in graph.subjects(RDF.type, ORG.Membership):
        person = graph.value(fact, ORG.member)
        org = graph.value(fact, ORG.organization)
        if person is None or org is None:
            continue
        found = {str(t) for t in graph.objects(fact, KG.title)}
        role = graph.value(fact, ORG.role)
        if not found and isinstance(role, URIRef):
            found = {str(t) for t in graph.objects(role, SKOS.prefLabel)}
        titles[(str(person), str(org))].update(t for t in found if t)
    return {pair: sorted(found) for pair, found in titles.items()}


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Entities as nodes and shortcut triples as labelled edges, in sorted (stable) order."""
    types: dict[URIRef, set[URIRef]] = defaultdict(set)
    wanted = {c for classes, *_rest in NODE_TYPES.values() for c in classes}
    for cls in wanted:
        for subject in graph.subjects(RDF.type, cls):
            if isinstance(subject, URIRef):
                types[subject].add(cls)
    out = nx.MultiDiGraph()
    for node in sorted(types, key=str):
        kind = _node_type(types[node])
        label = _label(graph, node)
        aliases = sorted({str(a) for a in graph.objects(node, SKOS.altLabel)} - {label})
        out.add_node(str(node), label=label, type=kind, aliases=tuple(aliases), iri=str(node))
    titles = _membership_titles(graph)
    edges = []
    for pred, name in EDGE_LABELS.items():
        for s, o in graph.subject_objects(pred):
            source, target = str(s), str(o)
            if source not in out or target not in out:
                continue
            found = titles.get((source, target), []) if pred == ORG.memberOf else []
            label = f"{name}：{'、'.join(found)}" if found else name
            edges.append((source, target, str(pred), label, tuple(found)))
    for source, target, pred, label, found in sorted(edges):
        out.add_edge(source, target, key=pred, predicate=pred, label=label, titles=found)
    return out


def _disc_layout(comp: nx.Graph) -> tuple[dict[str, tuple[float, float]], float]:
    """Rings of BFS levels around the best-connected node, packed into a disc.

    O(n) and numpy/scipy-free, for components too big for spring_layout; a ring
    at radius r holds about 2*pi*r nodes, one unit apart. Returns positions and radius.
    """
    root = min(comp, key=lambda n: (-comp.degree(n), n))
    depth = nx.single_source_shortest_path_length(comp, root)
    pos: dict[str, tuple[float, float]] = {root: (0.0, 0.0)}
    angle: dict[str, float] = {root: 0.0}
    radius = 0.0
    for level in range(1, max(depth.values()) + 1):
        todo = [n for n in comp if depth[n] == level]
        parent = {n: min(angle[p] for p in comp[n] if depth.get(p) == level - 1) for n in todo}
        todo.sort(key=lambda n: (parent[n], n))  # keep children near their parents
        while todo:
            radius += 1.0
            ring, todo = todo[: int(2 * math.pi * radius)], todo[int(2 * math.pi * radius) :]
            for i, n in enumerate(ring):
                angle[n] = 2 * math.pi * i / len(ring)
                pos[n] = (radius * math.cos(angle[n]), radius * math.sin(angle[n]))
    return pos, radius


def _layout(graph: nx.MultiDiGraph, spacing: float = 70.0) -> dict[str, tuple[int, int]]:
    """Pixel positions: each connected component laid out alone, then packed on shelves.

    Components are laid out separately so isolated entities do not crowd the
    rim of one big spring layout; the seed and sorted order make it repeatable.
    """
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph))
    simple.add_edges_from(sorted({tuple(sorted((u, v))) for u, v in graph.edges() if u != v}))
    comps = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c))
    boxes: list[tuple[dict[str, tuple[float, float]], float]] = []
    for nodes in comps:
        comp = nx.Graph()
        comp.add_nodes_from(nodes)
        comp.add_edges_from(sorted(simple.subgraph(nodes).edges()))
        if len(nodes) == 1:
            boxes.append(({nodes[0]: (0.0, 0.0)}, 0.0))
        elif len(nodes) < 500:  # networkx needs scipy from 500 nodes up
            radius = spacing * math.sqrt(len(nodes)) / 2
            spring = nx.spring_layout(comp, seed=SEED)
            boxes.append(({n: (x * radius, y * radius) for n, (x, y) in spring.items()}, radius))
        else:
            gap = 0.6 * spacing
            disc, radius = _disc_layout(comp)
            boxes.append(({n: (x * gap, y * gap) for n, (x, y) in disc.items()}, radius * gap))
    area = sum((2 * r + spacing) ** 2 for _u, r in boxes)
    width = max(math.sqrt(area), 2 * boxes[0][1] + spacing)  # roughly square, widest box fits
    pos: dict[str, tuple[int, int]] = {}
    x = y = row = 0.0
    for offsets, radius in boxes:
        side = 2 * radius + spacing
        if x > 0 and x + side > width:
            x, y, row = 0.0, y + row, 0.0
        for n, (dx, dy) in offsets.items():
            pos[n] = (round(x + side / 2 + float(dx)), round(y + side / 2 + float(dy)))
        x, row = x + side, max(row, side)
    return pos


def _script_json(value: object) -> str:
    """JSON that is safe inside <script>: no '<', '>', '&' or line separators survive raw."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char in ("<", ">", "&", "\u2028", "\u2029"):
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def _vis_data(nxg: nx.MultiDiGraph) -> tuple[list[dict], list[dict], dict]:
    """Nodes, edges and options for vis-network, built with pyvis' Node/Edge/Network."""
    big = nxg.number_of_nodes() > LAYOUT_THRESHOLD
    pos = _layout(nxg) if big else {}
    net = Network(directed=True, cdn_resources="in_line")
    for node, data in nxg.nodes(data=True):
        kind = data["type"]
        _classes, zh, shape, colour, _glyph = NODE_TYPES[kind]
        tip = [data["label"], f"类型：{zh}（{kind}）"]
        if data["aliases"]:
            tip.append(f"别名：{'、'.join(data['aliases'])}")
        tip.append(f"IRI：{data['iri']}")
        extra = {"x": pos[node][0], "y": pos[node][1]} if big else {}
        size = 12 + min(18, 3 * math.sqrt(nxg.degree(node)))
        net.nodes.append(Node(node, shape, label=data["label"], color=colour, group=kind,
                              title="\n".join(tip), size=round(size, 1), **extra).options)
    for source, target, data in nxg.edges(data=True):
        tip = f"{data['label']}\n{_curie(data['predicate'])}"
        edge = Edge(source, target, directed=True, label=data["label"], title=tip)
        net.edges.append(edge.options)
    net.options = {
        "nodes": {"font": {"face": FONT_STACK, "size": 14}, "borderWidth": 1},
        "edges": {"font": {"face": FONT_STACK, "size": 11, "strokeWidth": 3},
                  "color": {"color": "#9aa3ad", "highlight": "#333333"},
                  "smooth": False if big else {"type": "dynamic"}},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
        "layout": {"randomSeed": SEED, "improvedLayout": not big},
        "physics": {"enabled": not big, "solver": "barnesHut",
                    "barnesHut": {"gravitationalConstant": -6000, "springLength": 120},
                    "stabilization": {"enabled": True, "iterations": 300, "fit": True}},
    }
    nodes, edges, _heading, _height, _width, _options = net.get_network_data()
    return nodes, edges, net.options


_PAGE = Template("""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; \
script-src $hashes; style-src 'unsafe-inline'; img-src data:; font-src data:">
<title>$title</title>
<style>$vis_css</style>
<style>
html, body { margin: 0; height: 100%; background: #ffffff; font-family: $font; }
#mynetwork { position: fixed; inset: 0; }
#legend { position: fixed; top: 12px; left: 12px; z-index: 10; padding: 10px 14px;
  background: rgba(255, 255, 255, 0.92); border: 1px solid #d0d4d9; border-radius: 6px;
  box-shadow: 0 2px 6px rgba(0, 0, 0, 0.12); font-size: 14px; line-height: 1.7; }
#legend h1 { font-size: 16px; margin: 0 0 4px; }
#legend ul { list-style: none; margin: 0; padding: 0; }
#legend .glyph { display: inline-block; width: 1.4em; text-align: center; }
#legend .count { color: #555555; margin-left: 0.4em; }
#legend .total { color: #555555; font-size: 12px; margin-top: 4px; }
div.vis-tooltip { white-space: pre-wrap; max-width: 480px; font-family: $font; }
</style>
<script>$vis_js</script>
</head>
<body>
<div id="mynetwork"></div>
<div id="legend"><h1>$title</h1>
<ul>
$legend
</ul>
<div class="total">$totals</div></div>
<script>$draw</script>
</body>
</html>
""")

_DRAW = """(function () {
  "use strict";
  var nodes = new vis.DataSet(%s);
  var edges = new vis.DataSet(%s);
  var options = %s;
  var network = new vis.Network(document.getElementById("mynetwork"),
                                {nodes: nodes, edges: edges}, options);
  network.once("afterDrawing", function () { document.body.setAttribute("data-drawn", "1"); });
  window.nodes = nodes;
  window.edges = edges;
  window.network = network;
})();"""


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def render_html(graph: Graph, *, title: str = "kg") -> str:
    """The page as a string (same graph and title give the same string)."""
    nxg = to_networkx(graph)
    nodes, edges, options = _vis_data(nxg)
    counts = {kind: 0 for kind in NODE_TYPES}
    for _node, kind in nxg.nodes(data="type"):
        counts[kind] += 1
    legend = "\n".join(
        f'<li data-type="{kind}"><span class="glyph" style="color:{colour}">{glyph}</span>'
        f'{zh} <small>{kind}</small><span class="count">{counts[kind]}</span></li>'
        for kind, (_c, zh, _shape, colour, glyph) in NODE_TYPES.items()
    )
    vis_js = (_VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")
    vis_css = (_VIS_DIR / "vis-network.css").read_text(encoding="utf-8")
    draw = _DRAW % (_script_json(nodes), _script_json(edges), _script_json(options))
    for asset in (vis_js, vis_css, draw):
        if re.search(r"</(?:script|style)", asset, re.I):
            raise RuntimeError("kg.html: inlined asset would close its own tag")
    page = _PAGE.substitute(
        hashes=f"{_csp_hash(vis_js)} {_csp_hash(draw)}",
        title=html.escape(title),
        font=FONT_STACK,
        vis_css=vis_css,
        vis_js=vis_js,
        legend=legend,
        totals=f"共 {nxg.number_of_nodes()} 个节点，{nxg.number_of_edges()} 条关系",
        draw=draw,
    )
    if _REMOTE_REF.search(page):
        raise RuntimeError("kg.html: page refers to a remote resource; it must work offline")
    return page


def _write_atomic(path: Path, text: str) -> None:
    """Write next to the target, then rename: readers never see a half-written page."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_html(graph: Graph, path: str | Path, *, title: str = "kg") -> Path:
    """Render ``graph`` to a standalone HTML file at ``path`` and return the path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    _write_atomic(target, render_html(graph, title=title))
    return target
