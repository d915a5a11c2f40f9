"""Shared test setup: headless Qt, the bundled sample page and its gold facts, the schema."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLE = ROOT / "resources" / "samples" / "liaocheng-page.txt"
SCHEMA_NAME = "NewsML-G2_2.35-spec-All-Power.xsd"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_bytes() -> bytes:
    return SAMPLE.read_bytes()


@pytest.fixture(scope="session")
def gold() -> dict:
    """What a careful proofreader makes of the sample page (copied from the team's gold file)."""
    return json.loads((DATA / "liaocheng-page.gold.json").read_text(encoding="utf-8"))


def find_schema() -> Path | None:
    """The IPTC NewsML-G2 schema: $JIAODUI_SCHEMA, else ../shared/newsml-g2/ beside the repo."""
    env = os.environ.get("JIAODUI_SCHEMA")
    candidates = [Path(env)] if env else []
    candidates.append(ROOT.parent / "shared" / "newsml-g2" / SCHEMA_NAME)
    return next((p for p in candidates if p.is_file()), None)


@pytest.fixture(scope="session")
def schema_path() -> Path:
    """Path to the schema; skips (or fails in CI, where it must be present) when absent."""
    path = find_schema()
    if path is None:
        message = (f"NewsML-G2 schema not found: set JIAODUI_SCHEMA or put {SCHEMA_NAME} in "
                   "../shared/newsml-g2/ (it is IPTC's, CC BY 4.0, and not bundled)")
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def schema(schema_path):
    from lxml import etree

    parser = etree.XMLParser(no_network=True, load_dtd=False, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(schema_path), parser))


# The core speaks English in tests unless a test chooses (and so do the CLI processes
# tests start: they inherit LANGUAGE). Messages are English msgids, Chinese from the catalog.
os.environ["LANGUAGE"] = "en"
from editor.i18n import set_language  # noqa: E402

set_language("en")
