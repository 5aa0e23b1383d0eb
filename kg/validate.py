"""Check a built graph against the SHACL shapes in ``ontology/shapes.ttl``.

pySHACL's own report is an RDF graph that is hard to read; this module turns it into a
list of :class:`Violation` objects and a short text report with IRIs shortened by the data
graph's prefixes, so that ``kg validate`` and the tests can say exactly what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pyshacl import validate as shacl_validate
from rdflib import Graph
from rdflib.namespace import SH
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result
from rdflib.term import BNode, Literal, Node, URIRef

from kg.namespaces import KG, ORG, PREFIXES, RDFS, SDO, SKOS
from kg.resources import ontology_dir

__all__ = ["Violation", "ValidationResult", "validate", "load_shapes"]

# pySHACL's default messages end with " on <focus>->path" or " on <focus>"; the report
# already shows focus node and path in their own columns.
_LOCATION_SUFFIX = re.compile(r" on (\S+?)(?:->\S+)?$")
# Full IRIs inside messages (SPARQL constraints substitute {?value} with the bare IRI).
_IRI_IN_TEXT = re.compile(r"<(https?://[^>\s]+)>|(https?://[^\s,;)>\]]+)")
# pySHACL writes literals as Python reprs: Literal("0", datatype=xsd:integer).
_LITERAL_REPR = re.compile(r'Literal\("((?:[^"\\]|\\.)*)"(?:, (lang|datatype)=([^)]+))?\)')
_SEVERITY_NAMES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True)
class Violation:
    """One validation result: which node, which property, what is wrong."""

    focus_node: Node
    path: Node | None
    message: str
    severity: str = "Violation"
    value: Node | None = None

    def line(self, prefixes: dict[str, str] | None = None, label: str = "") -> str:
        """One report line: ``focus  path  message``, plus the offending value when there is one
        and the severity when it is not a violation; ``label`` names the focus node."""
        focus = shorten(self.focus_node, prefixes or {})
        if label:
            focus += f" ({label})"
        path = shorten(self.path, prefixes or {}) if self.path is not None else "-"
        prefix = "" if self.severity == "Violation" else f"[{self.severity.lower()}] "
        line = f"{prefix}{focus}  {path}  {self.message}"
        if self.value is not None and self.value != self.focus_node:
            line += f"  (value {shorten(self.value, prefixes or {})})"
        return line


@dataclass
class ValidationResult:
    """Outcome of :func:`validate`; ``prefixes`` is kept so ``text()`` can shorten IRIs."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    prefixes: dict[str, str] = field(default_factory=dict, repr=False)

    def text(self) -> str:
        """A readable report, one line per violation (``"conforms"`` when there are none)."""
        if not self.violations:
            return "conforms"
        lines = (v.line(self.prefixes) for v in self.violations)
        return "\n".join(dict.fromkeys(lines))


    def report(self, graph: Graph | None = None) -> str:
        """The violations grouped by property and message, biggest group first, with counts.

        Each group starts ``N × path  message`` and lists one line per violation, the focus
        node followed by its label from ``graph`` (a person's name, a fact's subject...).
        """
        if not self.violations:
            return "conforms"
        groups: dict[tuple[str, str, str], list[Violation]] = {}
        for v in self.violations:
            path = shorten(v.path, self.prefixes) if v.path is not None else "-"
            groups.setdefault((v.severity, path, v.message), []).append(v)
        focus = {v.focus_node for v in self.violations}
        lines = [f"{len(self.violations)} problem(s) on {len(focus)} node(s), "
                 f"in {len(groups)} group(s):"]
        for (severity, path, message), items in sorted(
            groups.items(), key=lambda kv: (-len(kv[1]), kv[0])
        ):
            kind = "" if severity == "Violation" else f"[{severity.lower()}] "
            lines.append(f"\n{len(items)} × {kind}{path}  {message}")
            for v in items:
                label = node_label(graph, v.focus_node) if graph is not None else ""
                lines.append("  " + v.line(self.prefixes, label))
        return "\n".join(dict.fromkeys(lines))


def node_label(graph: Graph, node: Node) -> str:
    """A short human name for a node in a report: its label, or what it is about."""
    for prop in (SKOS.prefLabel, RDFS.label, SDO.name):
        values = sorted(str(o) for o in graph.objects(node, prop))
        if values:
            return values[0]
    quote = graph.value(node, KG.quote)
    if quote is not None:
        return f"“{str(quote)[:30]}”"
    about = [graph.value(node, p) for p in (KG.person, ORG.member, KG.event)]
    names = [node_label(graph, a) for a in about if a is not None and a != node]
    return names[0] if names else ""


def shorten(node: Node, prefixes: dict[str, str]) -> str:
    """``prefix:rest`` using the longest matching namespace, else ``<iri>``; for display only.

    rdflib's own ``qname`` refuses local names such as ``person/张三``, which are the
    norm for ``id:`` resources, so the match is done on plain strings.
    """
    if isinstance(node, URIRef):
        best = ""
        best_ns = ""
        for prefix, namespace in prefixes.items():
            if namespace and node.startswith(namespace) and len(namespace) > len(best_ns):
                best, best_ns = prefix, namespace
        if best_ns:
            return f"{best}:{node[len(best_ns) :]}"
        return f"<{node}>"
    if isinstance(node, Literal):
        return _literal(str(node), node.language, node.datatype, prefixes)
    return str(node) if not isinstance(node, BNode) else f"_:{node}"


@lru_cache(maxsize=1)
def load_shapes() -> Graph:
    """The shapes graph, parsed once per process (parsing it costs more than small checks)."""
    return Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")


def validate(graph: Graph, shapes: Graph | None = None) -> ValidationResult:
    """Validate ``graph`` against the kg shapes without inference.

    Inference is off because the graph must state every type itself (README: a fact is typed
    ``kg:Fact`` as well as its specific class); RDFS inference would hide exactly that
    mistake. The input graph is not modified. IRIs in the report are shortened with the
    graph's prefixes, falling back to the project's (``kg.namespaces.PREFIXES``).
    """
    shapes_graph = shapes if shapes is not None else load_shapes()
    data = _PreparedQueryGraph(graph) if type(graph) is Graph else graph
    conforms, report, _ = shacl_validate(
        data,
        shacl_graph=shapes_graph,
        inference="none",
        abort_on_first=False,
        allow_warnings=False,
        advanced=False,
    )
    prefixes = {prefix: str(ns) for prefix, ns in graph.namespace_manager.namespaces()}
    for prefix, namespace in PREFIXES.items():  # the project's prefixes when the graph lacks them
        if str(namespace) not in prefixes.values():
            prefixes.setdefault(prefix, str(namespace))
    violations = sorted(
        _violations(report, prefixes),
        key=lambda v: (str(v.focus_node), str(v.path), v.message, str(v.value)),
    )
    return ValidationResult(conforms=bool(conforms), violations=violations, prefixes=prefixes)


class _PreparedQueryGraph(Graph):
    """A view of a graph (same store, nothing copied) that parses each SPARQL text only once.

    pySHACL sends a SPARQL constraint's text again for every focus node and rdflib parses it
    every time; parsing, not evaluation, took over 95% of the run (about 30 s for 600 facts).
    """

    def __init__(self, graph: Graph) -> None:
        super().__init__(
            store=graph.store,
            identifier=graph.identifier,
            namespace_manager=graph.namespace_manager,
        )
        self._prepared: dict[str, Query] = {}

    def query(  # type: ignore[override]
        self,
        query_object: str | Query,
        processor: Any = "sparql",
        result: Any = "sparql",
        initNs: Mapping[str, Any] | None = None,  # noqa: N803 (rdflib's name)
        initBindings: Mapping[str, Node] | None = None,  # noqa: N803
        use_store_provided: bool = True,
        **kwargs: Any,
    ) -> Result:
        if isinstance(query_object, str) and not initNs and not kwargs.get("base"):
            prepared = self._prepared.get(query_object)
            if prepared is None:
                prepared = self._prepared[query_object] = prepareQuery(query_object)
            query_object = prepared
        return super().query(
            query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs
        )


def _violations(report: Graph, prefixes: dict[str, str]) -> list[Violation]:
    """Read pySHACL's report graph into :class:`Violation` objects (duplicates dropped)."""
    seen: set[Violation] = set()
    for result in report.subjects(SH.resultSeverity, None):
        focus = report.value(result, SH.focusNode)
        if focus is None:
            continue
        path = report.value(result, SH.resultPath)
        severity = report.value(result, SH.resultSeverity)
        seen.add(
            Violation(
                focus_node=focus,
                path=path,
                message=_message(report, result, prefixes),
                severity=_SEVERITY_NAMES.get(severity, str(severity)),
                value=report.value(result, SH.value),
            )
        )
    return list(seen)


def _message(report: Graph, result: Node, prefixes: dict[str, str]) -> str:
    """The English (or only) result message, without pySHACL's trailing location.

    IRIs in the message are shortened like the focus node so that a line stays readable.
    """
    messages = list(report.objects(result, SH.resultMessage))
    if not messages:
        component = report.value(result, SH.sourceConstraintComponent)
        return f"fails {component}" if component is not None else "fails a constraint"
    english = [m for m in messages if isinstance(m, Literal) and m.language in (None, "en")]
    text = str(sorted(english or messages, key=str)[0])
    focus = report.value(result, SH.focusNode)
    suffix = _LOCATION_SUFFIX.search(text)
    if suffix and focus is not None and suffix[1] in (f"<{focus}>", shorten(focus, prefixes)):
        text = text[: suffix.start()]
    text = _LITERAL_REPR.sub(
        lambda m: _literal(
            m[1], m[3] if m[2] == "lang" else None, m[3] if m[2] == "datatype" else None, prefixes
        ),
        text,
    )
    return _IRI_IN_TEXT.sub(lambda m: shorten(URIRef(m[1] or m[2]), prefixes), text)


def _literal(lexical: str, lang: str | None, datatype: str | None, prefixes: dict[str, str]) -> str:
    """Turtle-like text for a literal: ``0``, ``"张三"@zh``, ``"2023-03"^^xsd:gYearMonth``."""
    quoted = '"' + lexical.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if lang:
        return f"{quoted}@{lang}"
    if datatype is None:
        return quoted
    name = shorten(URIRef(datatype), prefixes) if "://" in datatype else datatype
    if name in ("xsd:integer", "xsd:decimal"):
        return lexical
    if name == "xsd:string":
        return quoted
    return f"{quoted}^^{name}"
