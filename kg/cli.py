"""The kg command line: a thin layer over the library (``kg.build``, ``KnowledgeGraph``)."""

from __future__ import annotations

import argparse
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
    return 0


def _load(graph: str):
    from .graph import KnowledgeGraph

    return KnowledgeGraph.load(graph)


def cmd_query(args: argparse.Namespace) -> int:
    from .query import QueryError, describe, named_queries

    if args.list:
        for name, path in named_queries().items():
            print(f"{name:18} {describe(path)}")
        return 0
    if not args.query:
        return _err("query: give a named query, a .rq file or SPARQL text (see --list)")
    try:
        kg = _load(args.graph)
        sys.stdout.write(kg.query_text(args.query, args.format))
    except (QueryError, FileNotFoundError) as err:
        return _err(str(err))
    except Exception as err:  # a graph file that does not parse
        return _err(f"{args.graph}: cannot read graph ({' '.join(str(err).split())[:300]})")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from .validate import validate

    try:
        kg = _load(args.graph)
    except FileNotFoundError as err:
        return _err(str(err))
    result = validate(kg.graph)
    if result.conforms:
        print(f"{args.graph}: conforms to the kg shapes ({len(kg.graph)} triples)")
        return 0
    print(result.text())
    return 1


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

    q = sub.add_parser("query", help="run SPARQL: a named query, a .rq file or the text")
    q.add_argument("query", nargs="?", help="NAME | FILE.rq | 'SPARQL text'")
    q.add_argument("--graph", default=f"{DEFAULT_OUT}/graph.ttl", help="graph.ttl to query")
    q.add_argument("--format", default="table", choices=["table", "json", "csv", "tsv"])
    q.add_argument("--list", action="store_true", help="list the named queries")
    q.set_defaults(func=cmd_query)

    v = sub.add_parser("validate", help="check a graph against the SHACL shapes")
    v.add_argument("--graph", default=f"{DEFAULT_OUT}/graph.ttl")
    v.set_defaults(func=cmd_validate)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return _err("interrupted")
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
