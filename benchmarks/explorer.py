"""How fast the HTML explorer is built and becomes usable, on synthetic kg-shaped graphs.

    PYTHONPATH=. python benchmarks/explorer.py [--sizes 1000 10000 50000] [--keep DIR]

For each size: time to write the page from the rdflib graph (Python), page size,
and in headless Chromium the time from navigation to the first draw of the
network ('afterDrawing'), then the time for a click on a node to open its side
panel. The graphs look like kg output: people in organisations (with titles),
places in a province/city/county hierarchy, events, honours, and every fact
carries a source sentence.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph, Literal

from kg.html import write_html
from kg.namespaces import ID, KG, ORG, PROV, RDF, RDFS, SDO, SKOS

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
FACT_CLASSES = {"role": ORG.Membership, "region": KG.RegionFact, "delegate": KG.DelegateFact,
                "honour": KG.HonourFact}
FACT_TARGETS = {"role": ORG.organization, "region": KG.place, "delegate": KG.event,
                "honour": KG.honour}
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红建国志文海波晓春燕"


def _name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.randint(1, 2)))


def _entity(g: Graph, node, classes, label: str) -> None:
    for cls in classes:
        g.add((node, RDF.type, cls))
    g.add((node, SKOS.prefLabel, Literal(label, lang="zh")))
    g.add((node, RDFS.label, Literal(label, lang="zh")))


def synthetic_graph(n: int, seed: int = 7) -> Graph:
    """About ``n`` entities: 74% people, 10% organisations, 10% places, 5% honours, 1% events."""
    rng = random.Random(seed)
    g = Graph()
    n_org, n_place = max(2, n // 10), max(3, n // 10)
    n_honour, n_event = max(1, n // 20), max(1, n // 100)
    n_person = max(1, n - n_org - n_place - n_honour - n_event)
    places = [ID[f"place/p{i}"] for i in range(n_place)]
    provinces = max(1, min(34, n_place // 10))
    for i, p in enumerate(places):
        suffix = "省" if i < provinces else "县"
        _entity(g, p, (SDO.Place, SDO.AdministrativeArea), f"地{i}{suffix}")
        if i >= provinces:
            g.add((p, SDO.containedInPlace, places[rng.randrange(min(i, provinces * 8))]))
    orgs = [ID[f"org/o{i}"] for i in range(n_org)]
    for i, o in enumerate(orgs):
        _entity(g, o, (SDO.Organization, ORG.Organization), f"{rng.choice(_SURNAMES)}{i}公司")
        g.add((o, SDO.location, places[rng.randrange(len(places))]))
        if i and rng.random() < 0.3:
            g.add((o, ORG.subOrganizationOf, orgs[rng.randrange(i)]))
    honours = [ID[f"honour/h{i}"] for i in range(n_honour)]
    for i, h in enumerate(honours):
        _entity(g, h, (KG.Honour, SKOS.Concept), f"荣誉称号{i}")
    events = [ID[f"event/e{i}"] for i in range(n_event)]
    for i, e in enumerate(events):
        _entity(g, e, (SDO.Event,), f"第{i}次代表大会")
        g.add((e, SDO.location, rng.choice(places)))
    docs = [ID[f"doc/d{i}"] for i in range(max(1, n // 40))]
    for i, d in enumerate(docs):
        g.add((d, RDF.type, SDO.NewsArticle))
        g.add((d, SDO.name, Literal(f"news_{i:05d}.txt")))
        g.add((d, KG.sourcePath, Literal(f"/corpus/news_{i:05d}.txt")))
    for i in range(n_person):
        person, name = ID[f"person/q{i}"], _name(rng)
        _entity(g, person, (SDO.Person,), name)
        if rng.random() < 0.1:
            g.add((person, SKOS.altLabel, Literal(name[0] + "师傅", lang="zh")))
        o = rng.randrange(n_org)  # people mostly from their organisation's area: clusters
        local = rng.random() < 0.85
        links = [("role", ORG.memberOf, orgs[o])]
        if rng.random() < 0.6:
            home = g.value(orgs[o], SDO.location) if local else rng.choice(places)
            links.append(("region", KG.region, home))
        if rng.random() < 0.3:
            links.append(("delegate", KG.delegateTo, events[o % n_event if local else
                                                             rng.randrange(n_event)]))
        if rng.random() < 0.2:
            links.append(("honour", KG.received, honours[o % n_honour if local else
                                                          rng.randrange(n_honour)]))
        doc = rng.randrange(len(docs))
        sentence = ID[f"doc/d{doc}/s{i}"]
        where = "、".join(str(g.value(t, SKOS.prefLabel)) for _k, _p, t in links)
        text = f"本报讯 {name}（{where}）的事迹见报。"
        g.add((sentence, RDF.type, KG.Sentence))
        g.add((sentence, KG.document, docs[doc]))
        g.add((sentence, RDF.value, Literal(text)))
        for kind, pred, target in links:
            g.add((person, pred, target))
            fact, ev = ID[f"fact/{kind}/{i}"], ID[f"ev/{kind}/{i}"]
            g.add((fact, RDF.type, KG.Fact))
            g.add((fact, RDF.type, FACT_CLASSES[kind]))
            g.add((fact, KG.person if kind != "role" else ORG.member, person))
            g.add((fact, FACT_TARGETS[kind], target))
            if kind == "role":
                g.add((fact, KG.title, Literal(rng.choice(["主任", "书记", "工程师"]), lang="zh")))
            g.add((fact, PROV.wasDerivedFrom, ev))
            g.add((ev, KG.quote, Literal(name)))
            g.add((ev, KG.sentence, sentence))
            g.add((ev, KG.document, docs[doc]))
    return g


def browser_times(page_path: Path, browser) -> tuple[float, float]:
    """Seconds from navigation to first draw, and from a click on a node to its panel."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    start = time.perf_counter()
    page.goto(page_path.resolve().as_uri(), wait_until="commit", timeout=600_000)
    page.wait_for_selector('body[data-drawn="1"]', state="attached", timeout=600_000)
    drawn = time.perf_counter() - start
    page.wait_for_timeout(200)
    target = page.evaluate(
        "() => { const ids = nodes.getIds(); let best = ids[0], deg = -1;"
        " for (const id of ids.slice(0, 2000)) { const d = network.getConnectedEdges(id).length;"
        " if (d > deg) { deg = d; best = id; } }"
        " network.focus(best, {scale: 1.0, animation: false}); return best; }")
    page.wait_for_timeout(300)
    point = page.evaluate("id => network.canvasToDOM(network.getPositions([id])[id])", target)
    box = page.locator("#mynetwork").bounding_box()
    start = time.perf_counter()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_selector("#panel:not([hidden])", timeout=120_000)
    clicked = time.perf_counter() - start
    if page.get_attribute("#panel", "data-node") != target:
        raise RuntimeError(f"{page_path}: the click opened the wrong panel")
    page.close()
    return drawn, clicked


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    p.add_argument("--keep", type=Path, help="write the pages here instead of a temp folder")
    args = p.parse_args(argv)
    out = args.keep or Path(tempfile.mkdtemp(prefix="kg-explorer-"))
    out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for n in args.sizes:
            graph = synthetic_graph(n)
            start = time.perf_counter()
            page = write_html(graph, out / f"explorer_{n}.html", title=f"synthetic {n}")
            build = time.perf_counter() - start
            drawn, clicked = browser_times(page, browser)
            rows.append((n, len(graph), build, page.stat().st_size / 1e6, drawn, clicked))
            print(f"done {n}", file=sys.stderr)
        browser.close()
    print(f"{'nodes':>7} {'triples':>9} {'write s':>8} {'page MB':>8} {'first draw s':>13}"
          f" {'click→panel s':>14}")
    for n, triples, build, size, drawn, clicked in rows:
        print(f"{n:>7} {triples:>9} {build:>8.1f} {size:>8.1f} {drawn:>13.2f} {clicked:>14.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
