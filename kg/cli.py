"""The kg command line: a thin layer over the library (``kg.build``, ``KnowledgeGraph``)."""

from __future__ import annotations

import argparse
import os
import sys

from . import __version__

DEFAULT_OUT = "output"


def _err(msg: str) -> int:
    print(f"kg: {msg}", file=sys.stderr)
    return 2


def cmd_build(args: argparse.Namespace) -> int:
    from .build import build
    from .read import ReadError

    cache = None if args.no_cache else (args.cache or f"{args.out}/.kg-cache")
    try:
        kg = build(args.paths or None, progress=not args.quiet and sys.stderr.isatty(),
                   strict=args.strict, jobs=args.jobs, scheduler=args.scheduler, cache=cache)
    except ReadError as err:
        return _err(str(err))
    except (RuntimeError, ValueError, OSError) as err:  # no dask, bad --jobs, scheduler down
        return _err(f"build: {' '.join(str(err).split())[:300]}")
    for line in kg.report.skipped:
        print(f"kg: skipped {line}", file=sys.stderr)
    if kg.report.documents == 0:
        return _err("no documents could be read; nothing written")
    files = kg.save(args.out, title=args.title)
    if not args.quiet:
        print(kg.report.summary())
        for kind, path in files.items():
            print(f"wrote {path} ({kind})")
    if getattr(args, "fast_exit", False):
        _exit_now(0)
    return 0


def _exit_now(code: int) -> None:
    """End the program without freeing the built graph object by object: at 100x that
    teardown takes half a second after every file is written (atomically) and closed."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _load(graph: str):
    from .graph import KnowledgeGraph

    return KnowledgeGraph.load(graph)


def cmd_push(args: argparse.Namespace) -> int:
    import os

    from .push import PushError, load_source, push

    password = args.password if args.password is not None else os.environ.get("KG_PASSWORD")
    try:
        source = load_source(args.graph)
        report = push(source, args.endpoint, graph_iri=args.graph_iri, single=args.single,
                      user=args.user, password=password, replace=args.replace, fmt=args.format,
                      workers=args.workers, progress=not args.quiet and sys.stderr.isatty())
    except (PushError, FileNotFoundError) as err:
        return _err(f"push: {err}")
    if not args.quiet:
        print(report.summary())
    return 0


def _open(graph: str):
    """(the graph, "") or (None, a one-line error naming the file)."""
    try:
        return _load(graph), ""
    except FileNotFoundError as err:
        return None, str(err)
    except Exception as err:  # a graph file that does not parse
        return None, f"{graph}: cannot read graph ({' '.join(str(err).split())[:300]})"


def cmd_query(args: argparse.Namespace) -> int:
    from .query import QueryError, describe, named_queries, query_text, table
    from .store import QuerySyntaxError, StoreError, open_store

    if args.list:
        for name, path in named_queries().items():
            print(f"{name:18} {describe(path)}")
        return 0
    if not args.query:
        return _err("query: give a named query, a .rq file or SPARQL text (see --list)")
    try:
        text = query_text(args.query)
        store = open_store(args.graph, args.store)
        if args.format == "table":
            form, names, cells = store.table(text)
            if form == "select":
                sys.stdout.write(table(names, cells))
            elif form == "ask":
                sys.stdout.write(cells[0][0])
            else:
                sys.stdout.write(store.query(text, "turtle").body.decode("utf-8"))
        else:
            sys.stdout.write(store.query(text, args.format).body.decode("utf-8"))
    except QuerySyntaxError as err:
        return _err(f"SPARQL error: {err}")
    except (QueryError, StoreError) as err:
        return _err(str(err))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from .validate import validate

    kg, problem = _open(args.graph)
    if kg is None:
        return _err(problem)
    result = validate(kg.graph)
    if result.conforms:
        print(f"{args.graph}: conforms to the kg shapes ({len(kg.graph)} triples)")
        return 0
    print(f"{args.graph}: does not conform to the kg shapes ({len(kg.graph)} triples)")
    print(result.report(kg.graph))
    return 1


def cmd_export(args: argparse.Namespace) -> int:
    from .export import ExportError, export

    kg, problem = _open(args.graph)
    if kg is None:
        return _err(problem)
    try:
        result = export(kg, args.format, args.output)
    except ExportError as err:
        return _err(str(err))
    except OSError as err:
        return _err(f"{args.output}: cannot write ({err.strerror})")
    if args.output is None:
        sys.stdout.write(str(result))
    elif not args.quiet:
        print(f"wrote {result} ({args.format})", file=sys.stderr)
    return 0


def cmd_analyze(args: argparse.Namespace) -> int:
    from .analyze import analyze

    kg, problem = _open(args.graph)
    if kg is None:
        return _err(problem)
    sys.stdout.write(analyze(kg, top=args.top).text())
    return 0


def cmd_path(args: argparse.Namespace) -> int:
    from .paths import PathError, connect

    kg, problem = _open(args.graph)
    if kg is None:
        return _err(problem)
    try:
        found = connect(kg, args.a, args.b, limit=args.max)
    except PathError as err:
        return _err(str(err))
    sys.stdout.write(found.text())
    return 0 if found.paths else 1


def cmd_show(args: argparse.Namespace) -> int:
    from .html import EntityLookupError, write_neighbourhood

    try:
        kg = _load(args.graph)
    except FileNotFoundError as err:
        return _err(str(err))
    except Exception as err:  # a graph file that does not parse
        return _err(f"{args.graph}: cannot read graph ({' '.join(str(err).split())[:300]})")
    out = args.out or f"{DEFAULT_OUT}/show-{args.name.replace('/', '_')}.html"
    try:
        path = write_neighbourhood(kg.graph, args.name, out, depth=args.depth)
    except EntityLookupError as err:
        return _err(f"{args.graph}: {err}")
    print(f"wrote {path}")
    return 0

def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import Limits, serve

    limits = Limits(timeout=args.timeout or None, max_rows=args.max_rows or None,
                    max_body=args.max_body, allow_update=args.allow_update,
                    allow_service=args.allow_service)
    return serve(args.graph, args.host, args.port, backend=args.store, limits=limits,
                 title=args.title, quiet=args.quiet)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kg", description="Knowledge graphs from Chinese news.")
    p.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build the graph from .txt files and folders")
    b.add_argument("paths", nargs="*", help="files or folders (default: the sample corpus)")
    b.add_argument("--out", default=DEFAULT_OUT, help="output folder (default: output)")
    b.add_argument("--title", default="kg", help="title of the HTML page")
    b.add_argument("--strict", action="store_true", help="fail on the first unreadable file")
    b.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    b.add_argument("--jobs", "-j", type=int, default=None,
                   help="extraction worker processes (default: one per core, as memory allows)")
    b.add_argument("--scheduler", metavar="ADDRESS",
                   help="extract on Dask workers: tcp://HOST:PORT, or 'local' for a LocalCluster")
    b.add_argument("--cache", metavar="DIR",
                   help="extraction cache folder (default: OUT/.kg-cache)")
    b.add_argument("--no-cache", action="store_true", help="extract every document again")
    b.set_defaults(func=cmd_build)

    u = sub.add_parser("push", help="load the graph into a SPARQL store (Graph Store protocol)")
    u.add_argument("--endpoint", required=True,
                   help="Graph Store URL, e.g. http://localhost:8890/sparql-graph-crud-auth")
    u.add_argument("--graph", default=f"{DEFAULT_OUT}/graph.ttl",
                   help="graph.ttl, or a .trig/.nq dataset (default: output/graph.ttl)")
    u.add_argument("--graph-iri", help="prefix of the per-document graph names "
                   "(with --single: the one graph's name)")
    u.add_argument("--single", action="store_true", help="everything into one named graph")
    u.add_argument("--user", help="login for the store (digest or basic auth)")
    u.add_argument("--password", help="password (default: $KG_PASSWORD)")
    u.add_argument("--replace", action="store_true",
                   help="replace the graphs' old content (PUT) instead of adding (POST)")
    u.add_argument("--format", default="nt", choices=["nt", "turtle"], help="request bodies")
    u.add_argument("--workers", type=int, default=1, help="graphs sent at once (default: 1)")
    u.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    u.set_defaults(func=cmd_push)

    q = sub.add_parser("query", help="run SPARQL: a named query, a .rq file or the text")
    q.add_argument("query", nargs="?", help="NAME | FILE.rq | 'SPARQL text'")
    q.add_argument("--graph", default=f"{DEFAULT_OUT}/graph.ttl", help="graph.ttl to query")
    q.add_argument("--format", default="table", choices=["table", "json", "csv", "tsv"])
    q.add_argument("--list", action="store_true", help="list the named queries")
    q.add_argument("--store", default="auto", choices=["auto", "rdflib", "oxigraph"],
                   help="query engine (default auto: oxigraph when installed)")
    q.set_defaults(func=cmd_query)

    v = sub.add_parser("validate", help="check a graph against the SHACL shapes")
    v.add_argument("--graph", default=f"{DEFAULT_OUT}/graph.ttl")
    v.set_defaults(func=cmd_validate)

    from .export import FORMATS

    e = sub.add_parser("export", help="write the graph as RDF, GraphML/GEXF or CSV tables")
    e.add_argument("--graph", default=f"{DEFAULT_OUT}/graph.ttl", help="graph.ttl to export")
    e.add_argument("--format", "-f", default="ttl", choices=FORMATS)
    e.add_argument("-o", "--output", help="file (default: stdout); for csv a folder or a .zip")
    e.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    e.set_defaults(func=cmd_export)

    a = sub.add_parser("analyze", help="most connected entities, communities, graph statistics")
    a.add_argument("--graph", default=f"{DEFAULT_OUT}/graph.ttl")
    a.add_argument("--top", type=int, default=10, help="entities listed per type (default 10)")
    a.set_defaults(func=cmd_analyze)

    pa = sub.add_parser("path", help="how two entities are connected, with the source quotes")
    pa.add_argument("a", help="name or alias of the first entity")
    pa.add_argument("b", help="name or alias of the second entity")
    pa.add_argument("--graph", default=f"{DEFAULT_OUT}/graph.ttl")
    pa.add_argument("--max", type=int, default=3, help="shortest paths shown (default 3)")
    pa.set_defaults(func=cmd_path)

    s = sub.add_parser("show", help="write a page of one entity and its neighbours")
    s.add_argument("name", help="name or alias of a person, place, organisation, …")
    s.add_argument("--graph", default=f"{DEFAULT_OUT}/graph.ttl")
    s.add_argument("--depth", type=int, default=1, help="links away from the entity (default 1)")
    s.add_argument("-o", "--out", help="HTML file (default: output/show-NAME.html)")
    s.set_defaults(func=cmd_show)

    s = sub.add_parser("serve", help="serve the graph: SPARQL endpoint and query page")
    s.add_argument("--graph", default=f"{DEFAULT_OUT}/graph.ttl", help="graph to serve")
    s.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    s.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 = any free)")
    s.add_argument("--store", default="auto", choices=["auto", "rdflib", "oxigraph"])
    s.add_argument("--timeout", type=float, default=30.0, help="seconds per query (0 = none)")
    s.add_argument("--max-rows", type=int, default=10_000, help="rows per result (0 = all)")
    s.add_argument("--max-body", type=int, default=1 << 20, help="bytes per POST body")
    s.add_argument("--allow-update", action="store_true", help="accept SPARQL Update and LOAD")
    s.add_argument("--allow-service", action="store_true", help="allow SERVICE (federated) calls")
    s.add_argument("--title", default="kg", help="title of the explorer page")
    s.add_argument("-q", "--quiet", action="store_true", help="do not log requests")
    s.set_defaults(func=cmd_serve)
    return p


def main(argv: list[str] | None = None, *, fast_exit: bool = False) -> int:
    """Run one command. ``fast_exit`` (the ``kg`` program, not a caller in Python): a
    build ends the process as soon as its files are written."""
    args = parser().parse_args(argv)
    args.fast_exit = fast_exit
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return _err("interrupted")
    except BrokenPipeError:
        return 0


def run() -> None:
    """The ``kg`` program."""
    raise SystemExit(main(fast_exit=True))


if __name__ == "__main__":
    run()
