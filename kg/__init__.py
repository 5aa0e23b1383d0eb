"""kg: knowledge graphs from Chinese news.

>>> import kg
>>> graph = kg.build(["articles/"])          # doctest: +SKIP
>>> graph.query("delegates")                  # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["build", "load", "KnowledgeGraph", "__version__"]


def build(paths=None, **kwargs):
    """Build a KnowledgeGraph from files and folders (default: the bundled sample corpus)."""
    from .build import build as _build  # the submodule stays callable (kg/build.py)

    return _build(paths, **kwargs)


def load(path):
    """Load a built graph (graph.ttl, or the folder holding it)."""
    from .graph import KnowledgeGraph

    return KnowledgeGraph.load(path)


def __getattr__(name):
    if name == "KnowledgeGraph":
        from .graph import KnowledgeGraph

        return KnowledgeGraph
    raise AttributeError(name)
