"""Where the package finds its data: lexicons, queries, ontology, sample corpus."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
LEXICON_DIR = DATA_DIR / "lexicon"
GAZETTEER_DIR = DATA_DIR / "gazetteer"
SAMPLE_DIR = DATA_DIR / "sample"
QUERY_DIR = PACKAGE_DIR / "queries"


def ontology_dir() -> Path:
    """The ontology folder: ``ontology/`` beside the package (editable install or checkout)."""
    for candidate in (PACKAGE_DIR.parent / "ontology", PACKAGE_DIR / "ontology"):
        if (candidate / "kg.ttl").exists():
            return candidate
    raise FileNotFoundError("kg: ontology/kg.ttl not found beside the kg package")
