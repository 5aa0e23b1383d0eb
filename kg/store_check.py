r"""What a store refuses to run: SPARQL Update, SERVICE (unless allowed), FROM.

The stores are read-only and local. SERVICE and FROM would make the query engine
fetch from the network (rdflib loads FROM graphs from the web), and an update
would change the graph behind other users' backs.

The check is layered so that the common case costs no parse and the uncommon one
is decided by a real parser, not by substring matching:

1. Strings, IRIs and comments are blanked by a scanner that follows the SPARQL
   terminals. If what is left has no SERVICE or FROM keyword, no backslash (a
   ``\#`` in a local name would fool the comment rule) and the text has no
   ``\u`` escape, the query cannot hold a SERVICE or dataset clause.
2. Otherwise rdflib's SPARQL parser decides, and the parse tree is walked for
   ``ServiceGraphPattern`` and ``DatasetClause`` nodes.
3. If rdflib cannot parse a query that step 1 flagged, it is refused (refusing
   is the default); unflagged syntax errors are left to the backend to report.

Updates never parse as queries: they are told apart by their first keyword after
the prologue (:func:`is_update`), before any parser runs.
"""

from __future__ import annotations

import re

from pyparsing import ParseResults

UPDATE_KEYWORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE",
                   "ADD", "WITH")
_NOISE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r"|<[^<>\"{}|^`\\\x00-\x20]*>"
    r"|#[^\n\r]*",
    re.DOTALL,
)
_PROLOGUE = re.compile(r"\s*(?:(?:PREFIX\s+[^\s:]*:\s*|BASE\s+)\s*)*", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]+")


def code_only(text: str) -> str:
    """The query with strings, IRIs and comments blanked: what the keywords live in."""
    return _NOISE.sub(" ", text)


def _keyword(code: str, word: str) -> bool:
    return re.search(rf"(?<![\w:?$]){word}(?![\w:])", code, re.IGNORECASE) is not None


def first_keyword(text: str) -> str:
    """The first keyword after the PREFIX/BASE prologue, upper-cased."""
    code = code_only(text)
    m = _WORD.match(code, _PROLOGUE.match(code).end())
    return m.group(0).upper() if m else ""


def is_update(text: str) -> bool:
    return first_keyword(text) in UPDATE_KEYWORDS


def _walk(node, seen: set[int]):
    if id(node) in seen:
        return
    seen.add(id(node))
    yield node
    if isinstance(node, ParseResults):
        children = list(node)
    elif isinstance(node, dict):
        children = list(node.values())
    elif isinstance(node, list | tuple):
        children = list(node)
    else:
        children = []
    for child in children:
        if isinstance(child, dict | list | tuple | ParseResults):
            yield from _walk(child, seen)


def _names(tree) -> set[str]:
    return {getattr(n, "name", "") for n in _walk(tree, set())}


def refusal(text: str, allow_service: bool = False) -> str | None:
    """Why the query must not run, or None. Raises nothing; parse errors are left to run."""
    if is_update(text):
        return f"SPARQL Update ({first_keyword(text)}) is not allowed: the store is read-only"
    code = code_only(text)
    escapes = "\\u" in text.lower()
    keyword = _keyword(code, "SERVICE") or _keyword(code, "FROM")
    if not (keyword or escapes or "\\" in code):
        return None
    from rdflib.plugins.sparql.parser import parseQuery  # builds its grammar on import: slow

    try:
        tree = parseQuery(text)
    except Exception:  # pyparsing and rdflib errors alike
        if keyword or escapes or "\\" in code:
            return "query refused: it may hold SERVICE or FROM and could not be checked"
        return None
    names = _names(tree)
    if "ServiceGraphPattern" in names and not allow_service:
        return "SERVICE (federated query) is not allowed here"
    if "DatasetClause" in names:
        return "FROM / FROM NAMED is not allowed: query the loaded graph"
    return None


def classify_failure(text: str) -> str | None:
    """After the query parser failed: the refusal message if the text is an update."""
    if is_update(text):
        return f"SPARQL Update ({first_keyword(text)}) is not allowed: the store is read-only"
    return None
