"""Assemble the explorer page: data as JSON, the explorer's JS/CSS and vis-network inlined.

The page must open from a file share or a laptop without network access, and
everything shown comes from news text, so all JS/CSS is inlined (vis-network
from the pyvis package, the rest from kg/data/web/), a Content-Security-Policy
allows only those scripts (by hash) and no fetch, and document text reaches
the page only as JSON in a non-executed ``application/json`` block, which the
script turns into DOM text nodes or canvas labels.
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import math
import re
from pathlib import Path
from string import Template

import networkx as nx

from kg.explorer_layout import SEED, layout
from kg.explorer_model import (
    NODE_TYPES,
    GraphLike,
    GraphSources,
    Provenance,
    curie,
    memberships,
)
from kg.resources import DATA_DIR

FONT_STACK = (
    '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", '
    '"Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'
)
LAYOUT_THRESHOLD = 300  # above this many nodes, lay out in Python and switch physics off
WEB_DIR = DATA_DIR / "web"
# pyvis's copy of vis-network, found without importing pyvis (which imports IPython: ~0.5 s)
_VIS_DIR = (Path(importlib.util.find_spec("pyvis").origin).resolve().parent / "templates"
            / "lib" / "vis-9.1.2")
_REMOTE_REF = re.compile(r"""(?:\b(?:src|href)\s*=|url\()\s*["']?\s*(?:https?:)?//""", re.I)


def script_json(value: object) -> str:
    """JSON that is safe inside <script>: no '<', '>', '&' or line separators survive raw."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char in ("<", ">", "&", "\u2028", "\u2029"):
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def vis_options(big: bool) -> dict:
    """vis-network options; big graphs come laid out, so no physics, no curves, no hover."""
    return {
        "nodes": {"font": {"face": FONT_STACK, "size": 14}, "borderWidth": 1},
        "groups": {kind: {"shape": shape, "color": colour}
                   for kind, (_c, _zh, shape, colour, _glyph) in NODE_TYPES.items()},
        "edges": {"font": {"face": FONT_STACK, "size": 11, "strokeWidth": 3},
                  "color": {"color": "#9aa3ad", "highlight": "#333333",
                            "opacity": 0.45 if big else 1.0},
                  "width": 0.6 if big else 1,
                  "arrows": {"to": {"enabled": not big, "scaleFactor": 0.5}},
                  "smooth": False if big else {"type": "dynamic"}},
        "interaction": {"hover": not big, "tooltipDelay": 150, "hideEdgesOnDrag": big,
                        "hideEdgesOnZoom": big},
        "layout": {"randomSeed": SEED, "improvedLayout": not big},
        "physics": {"enabled": not big, "solver": "barnesHut",
                    "barnesHut": {"gravitationalConstant": -4000, "centralGravity": 1.2,
                                  "springLength": 110, "avoidOverlap": 0.2},
                    "stabilization": {"enabled": True, "iterations": 300, "fit": True}},
    }


def payload(graph: GraphLike, nxg: nx.MultiDiGraph, *, title: str, base: Path | None,
            focus: str | None = None, sources: GraphSources | None = None) -> dict:
    """Everything the page script needs, as plain lists (compact, stable order).

    ``sources``: where the documents, sentences and quotes of facts are read from
    (default: ``graph``)."""
    big = nxg.number_of_nodes() > LAYOUT_THRESHOLD
    pos = layout(nxg) if big else {}
    order = list(nxg)
    index = {n: i for i, n in enumerate(order)}
    kinds = list(NODE_TYPES)
    nodes = []
    for n, data in nxg.nodes(data=True):
        x, y = pos.get(n, (None, None))
        deg = nxg.degree(n)  # big graphs: at most 40 px across, nodes are laid out 48 px apart
        size = 8 + min(12, 2 * math.sqrt(deg)) if big else 10 + min(18, 3 * math.sqrt(deg))
        nodes.append([n, data["label"], kinds.index(data["type"]), x, y, round(size, 1),
                      list(data["aliases"])])
    labels: dict[tuple[str, str], int] = {}
    edges = []
    for u, v, data in nxg.edges(data=True):
        key = (data["label"], curie(data["predicate"]))
        edges.append([index[u], index[v], labels.setdefault(key, len(labels))])
    regions, honours = memberships(graph, nxg)
    prov = Provenance(graph, {n: d["label"] for n, d in nxg.nodes(data=True)}, base, sources)
    return {
        "title": title, "big": big, "focus": focus,
        "types": [[k, zh, shape, colour, glyph] for k, (_c, zh, shape, colour, glyph)
                  in NODE_TYPES.items()],
        "nodes": nodes, "edges": edges, "edgeLabels": [list(k) for k in labels],
        "regions": _groups(regions, index, nxg), "honours": _groups(honours, index, nxg),
        "details": [prov.details(n) for n in order],
        "facts": prov.facts, "sentences": prov.sentences, "docs": prov.docs,
        "options": vis_options(big),
    }


def _groups(member_of: dict[str, set[str]], index: dict[str, int],
            nxg: nx.MultiDiGraph) -> list[list]:
    """[[place or honour index, [person indexes…]]…] sorted by name, for a filter menu."""
    members: dict[str, list[int]] = {}
    for person, groups in member_of.items():
        for group in groups:
            members.setdefault(group, []).append(index[person])
    ordered = sorted(members, key=lambda g: (nxg.nodes[g]["label"], g))
    return [[index[g], sorted(members[g])] for g in ordered]


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def render(data: dict, nxg: nx.MultiDiGraph) -> str:
    """The page for a payload (same payload gives the same string)."""
    counts = {kind: 0 for kind in NODE_TYPES}
    for _node, kind in nxg.nodes(data="type"):
        counts[kind] += 1
    legend = "\n".join(
        f'<li data-type="{kind}"><label><input type="checkbox" checked value="{i}">'
        f'<span class="glyph" style="color:{colour}">{glyph}</span>'
        f'{zh} <small>{kind}</small><span class="count">{counts[kind]}</span></label></li>'
        for i, (kind, (_c, zh, _shape, colour, glyph)) in enumerate(NODE_TYPES.items())
    )
    vis_js = (_VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")
    vis_css = (_VIS_DIR / "vis-network.css").read_text(encoding="utf-8")
    app_js = (WEB_DIR / "explorer.js").read_text(encoding="utf-8")
    app_css = (WEB_DIR / "explorer.css").read_text(encoding="utf-8").replace("$font", FONT_STACK)
    blob = script_json(data)
    for asset in (vis_js, vis_css, app_js, app_css, blob):
        if re.search(r"</(?:script|style)", asset, re.I):
            raise RuntimeError("kg.html: inlined asset would close its own tag")
    page = Template((WEB_DIR / "explorer.html").read_text(encoding="utf-8")).substitute(
        hashes=f"{_csp_hash(vis_js)} {_csp_hash(app_js)}",
        title=html.escape(data["title"]),
        vis_css=vis_css, css=app_css, vis_js=vis_js, js=app_js, data=blob, legend=legend,
        totals=f"共 {nxg.number_of_nodes()} 个节点，{nxg.number_of_edges()} 条关系",
    )
    if _REMOTE_REF.search(page.replace(blob, "")):  # news text in the data is never markup
        raise RuntimeError("kg.html: page refers to a remote resource; it must work offline")
    return page
