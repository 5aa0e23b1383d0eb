"""Node positions for big graphs, computed ahead of time so the browser never runs physics.

spring_layout is quadratic (and needs scipy from 500 nodes), far too slow at 50,000
nodes. A kg graph is hubs (events, organisations, places, honours) with many
low-degree people around them, so each node hangs from its *smallest* neighbour
of higher degree (a person from its organisation rather than from the congress
everyone attends): a forest, drawn as balloons — a node in the middle, its
children in rings around it. That is O(n log n). Only the few forest roots of a
component are placed by spring_layout, then pushed apart until their discs no
longer overlap. Components are packed on shelves. Seeds and sorted orders make
the output the same on every run.
"""

from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx
import numpy as np

SEED = 42
SPRING_MIN, SPRING_MAX = 10, 300  # components this size get a plain spring layout
MAX_DEPTH = 1  # balloon levels below a root; deeper nodes are flattened into these
MAX_ROOTS = 450  # networkx's spring_layout needs scipy from 500 nodes up
Offsets = dict[str, tuple[float, float]]


def _simple(graph: nx.Graph) -> nx.Graph:
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph))
    simple.add_edges_from(sorted({tuple(sorted((u, v))) for u, v in graph.edges() if u != v}))
    return simple


def _ring_offsets(kids: list[str], radius: dict[str, float],
                  centre: dict[str, tuple[float, float]]) -> tuple[Offsets, float, tuple]:
    """Children's discs (smallest first) in rings around a node.

    Returns each child's offset, and the disc enclosing the node and its
    children (radius, centre relative to the node). The enclosing disc is
    centred on the drawing, not on the node: with one big child the disc grows
    by a node, not doubles.
    """
    out: Offsets = {}
    discs = [(0.0, 0.0, 0.5)]
    inner, i = 0.5, 0
    while i < len(kids):
        ring: list[str] = []
        used = 0.0
        while i < len(kids):
            width = 2 * radius[kids[i]] + 0.15
            if ring and used + width > 2 * math.pi * (inner + radius[kids[i]] + 0.15):
                break
            ring.append(kids[i])
            used += width
            i += 1
        ring_r = inner + max(radius[k] for k in ring) + (0.35 if len(ring) == 1 else 0.15)
        start = 0.0
        for k in ring:
            width = 2 * radius[k] + 0.15
            angle = 2 * math.pi * (start + width / 2) / max(used, 1e-9)
            qx, qy = ring_r * math.cos(angle), ring_r * math.sin(angle)
            out[k] = (qx - centre[k][0], qy - centre[k][1])
            discs.append((qx, qy, radius[k]))
            start += width
        inner = ring_r + max(radius[k] for k in ring)
    cx = (min(x - r for x, _y, r in discs) + max(x + r for x, _y, r in discs)) / 2
    cy = (min(y - r for _x, y, r in discs) + max(y + r for _x, y, r in discs)) / 2
    outer = max(math.hypot(x - cx, y - cy) + r for x, y, r in discs)
    return out, outer, (cx, cy)


def _balloons(comp: nx.Graph) -> tuple[Offsets, float]:
    """Balloon layout of one component in node-size units (nodes 1 apart)."""
    deg = dict(comp.degree())
    rank = {n: (deg[n], n) for n in comp}
    children: dict[str, list[str]] = defaultdict(list)
    parent: dict[str, str] = {}
    for n in comp:
        higher = [m for m in comp[n] if rank[m] > rank[n]]
        if higher:
            parent[n] = min(higher, key=rank.__getitem__)
            children[parent[n]].append(n)
    _merge_roots(comp, rank, parent, children)
    roots = sorted((n for n in comp if n not in parent), key=rank.__getitem__, reverse=True)
    children = _flatten(roots, children)
    order: list[str] = []  # post-order: children before their parent
    for root in roots:
        stack = [(root, False)]
        while stack:
            n, done = stack.pop()
            if done:
                order.append(n)
            else:
                stack.append((n, True))
                stack.extend((k, False) for k in children.get(n, ()))
    radius: dict[str, float] = {}
    centre: dict[str, tuple[float, float]] = {}
    local: dict[str, Offsets] = {}
    for n in order:
        kids = sorted(children.get(n, ()), key=lambda k: (radius[k], k))
        local[n], radius[n], centre[n] = _ring_offsets(kids, radius, centre)
    centres = _place_roots(comp, roots, parent, radius)
    pos: Offsets = {}
    for root in roots:
        pos[root] = (centres[root][0] - centre[root][0], centres[root][1] - centre[root][1])
        stack = [root]
        while stack:
            n = stack.pop()
            px, py = pos[n]
            for k, (dx, dy) in local[n].items():
                pos[k] = (px + dx, py + dy)
                stack.append(k)
    cx = sum(x for x, _y in pos.values()) / len(pos)
    cy = sum(y for _x, y in pos.values()) / len(pos)
    extent = max(math.hypot(x - cx, y - cy) + 0.5 for x, y in pos.values())
    return {n: (x - cx, y - cy) for n, (x, y) in pos.items()}, extent


def _flatten(roots: list[str], children: dict[str, list[str]]) -> dict[str, list[str]]:
    """Hang everything deeper than MAX_DEPTH from its ancestor at that depth.

    Each level of balloons in balloons wastes a fixed share of the area (rings
    of discs leave gaps), so deep trees come out many times too wide; a shallow
    forest keeps the drawing compact while subtrees still stay together.
    """
    flat: dict[str, list[str]] = defaultdict(list)
    stack = [(r, 0, r) for r in roots]
    while stack:
        n, depth, holder = stack.pop()
        for k in children.get(n, ()):
            if depth < MAX_DEPTH:
                flat[n].append(k)
                stack.append((k, depth + 1, k))
            else:
                flat[holder].append(k)
                stack.append((k, depth + 1, holder))
    return flat


def _merge_roots(comp: nx.Graph, rank: dict, parent: dict[str, str],
                 children: dict[str, list[str]]) -> None:
    """Hang each local-maximum root (but the top one) from the root of a neighbouring tree.

    Without this a loosely knit graph has hundreds of roots to place; with it most
    components become one tree. Hanging from the other tree's root rather than from
    the neighbour itself keeps trees shallow: a balloon's disc is about twice its
    biggest child's, so long chains of single big children would grow exponentially.
    Trees are tracked with union-find, so no cycle forms.
    """
    tree = {n: n for n in comp}

    def find(n: str) -> str:
        while tree[n] != n:
            tree[n] = tree[tree[n]]
            n = tree[n]
        return n

    for n, p in parent.items():
        tree[find(n)] = find(p)
    def hang(r: str, under: str) -> None:
        parent[r] = under
        children[under].append(r)
        tree[r] = under

    for r in sorted((n for n in comp if n not in parent), key=rank.__getitem__, reverse=True):
        others = [m for m in comp[r] if find(m) != find(r)]
        if others:
            hang(r, find(max(others, key=rank.__getitem__)))
    roots = [n for n in comp if n not in parent]
    if len(roots) <= MAX_ROOTS:
        return
    # still too many to place: hang the smallest trees from the biggest tree they touch
    size: dict[str, int] = defaultdict(int)
    for n in comp:
        size[find(n)] += 1
    touching: dict[str, set[str]] = defaultdict(set)
    for u, v in comp.edges():
        a, b = find(u), find(v)
        if a != b:
            touching[a].add(b)
            touching[b].add(a)
    left = len(roots)
    for r in sorted(roots, key=lambda n: (size[n], rank[n])):
        if left <= MAX_ROOTS:
            break
        others = {find(t) for t in touching[r]} - {r}
        if others:
            best = max(others, key=lambda n: (size[n], rank[n]))
            hang(r, best)
            size[best] += size[r]
            touching[best] |= touching[r]
            left -= 1


def _place_roots(comp: nx.Graph, roots: list[str], parent: dict[str, str],
                 radius: dict[str, float]) -> Offsets:
    """Centres for the balloons of one component: linked balloons near each other."""
    if len(roots) == 1:
        return {roots[0]: (0.0, 0.0)}
    top: dict[str, str] = {}

    def root_of(n: str) -> str:
        path = []
        while n not in top and n in parent:
            path.append(n)
            n = parent[n]
        r = top.get(n, n)
        for p in path:
            top[p] = r
        return r

    if len(roots) > MAX_ROOTS:  # rare: pack balloons in rows, biggest first
        return _rows(roots, radius)
    weight: dict[tuple[str, str], int] = defaultdict(int)
    for u, v in comp.edges():
        a, b = root_of(u), root_of(v)
        if a != b:
            weight[(min(a, b), max(a, b))] += 1
    r = np.array([radius[n] for n in roots])
    quotient = nx.Graph()
    quotient.add_nodes_from(roots)
    quotient.add_weighted_edges_from((a, b, 1 + math.log(w))
                                     for (a, b), w in sorted(weight.items()))
    spring = nx.spring_layout(quotient, seed=SEED)
    xy = np.array([spring[n] for n in roots], dtype=float) * math.sqrt(float((r**2).sum())) * 0.8
    return dict(zip(roots, map(tuple, _separate(xy, r)), strict=True))


_GOLDEN = math.pi * (3 - math.sqrt(5))


def _separate(xy: np.ndarray, r: np.ndarray) -> np.ndarray:
    """Put discs (biggest first) at their target, or the nearest free spot on a spiral round it.

    Candidate spots are tested 1,024 at a time against every disc placed so far.
    """
    placed_xy = np.zeros((0, 2))
    placed_r = np.zeros(0)
    out = np.zeros_like(xy)
    batch = np.arange(1024, dtype=float)
    for i in sorted(range(len(r)), key=lambda k: (-r[k], k)):
        step = max(0.5, r[i] / 1.5)
        reach = np.sqrt(((placed_xy - xy[i]) ** 2).sum(axis=1)) - placed_r - r[i] - 0.5
        for start in range(0, 10_000_000, 1024):
            k = batch + start
            d = step * np.sqrt(k)
            spots = xy[i] + np.stack([d * np.cos(k * _GOLDEN), d * np.sin(k * _GOLDEN)], axis=1)
            near = reach < d[-1]  # only discs the spots of this batch can touch
            if not near.any():
                free = np.array([0])
                break
            dist = np.sqrt(((spots[:, None, :] - placed_xy[near][None, :, :]) ** 2).sum(axis=2))
            free = np.flatnonzero(((dist - placed_r[near] - r[i] - 0.5) >= 0).all(axis=1))
            if len(free):
                break
        out[i] = spots[free[0]]
        placed_xy = np.vstack([placed_xy, out[i]])
        placed_r = np.append(placed_r, r[i])
    return np.round(out, 3)


def _rows(nodes: list[str], radius: dict[str, float]) -> Offsets:
    boxes = [({n: (0.0, 0.0)}, radius[n]) for n in nodes]
    return _pack(boxes, 0.5)


def _pack(boxes: list[tuple[Offsets, float]], gap: float) -> Offsets:
    """Shelf packing of discs (given biggest first) into a roughly square area."""
    area = sum((2 * r + gap) ** 2 for _o, r in boxes)
    width = max(math.sqrt(area), 2 * boxes[0][1] + gap)
    pos: Offsets = {}
    x = y = row = 0.0
    for offsets, r in boxes:
        side = 2 * r + gap
        if x > 0 and x + side > width:
            x, y, row = 0.0, y + row, 0.0
        for n, (dx, dy) in offsets.items():
            pos[n] = (x + side / 2 + dx, y + side / 2 + dy)
        x, row = x + side, max(row, side)
    return pos


def layout(graph: nx.Graph, spacing: float = 48.0) -> dict[str, tuple[int, int]]:
    """Integer pixel positions for every node of ``graph`` (deterministic)."""
    simple = _simple(graph)
    comps = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c))
    boxes: list[tuple[Offsets, float]] = []
    for nodes in comps:
        if len(nodes) == 1:
            boxes.append(({nodes[0]: (0.0, 0.0)}, 0.5))
            continue
        comp = simple.subgraph(nodes).copy() if len(nodes) > SPRING_MAX else simple.subgraph(nodes)
        if SPRING_MIN <= len(nodes) <= SPRING_MAX:
            r = 0.75 * math.sqrt(len(nodes))
            spring = nx.spring_layout(_simple(comp), seed=SEED)
            boxes.append(({n: (float(x) * r, float(y) * r) for n, (x, y) in spring.items()}, r))
        else:
            boxes.append(_balloons(comp))
    return {n: (round(x * spacing), round(y * spacing)) for n, (x, y) in _pack(boxes, 1.5).items()}
