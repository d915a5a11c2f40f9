"""The core's gettext catalog is complete: every message of editor/ has its Chinese, with
the same fields, the compiled .mo says what the .po says, and the Chinese is Chinese."""
import gettext
import re
import string

import pytest

babel = pytest.importorskip("babel", reason="Babel (a test dependency) extracts the messages")
from babel.messages.extract import extract_from_dir  # noqa: E402
from babel.messages.pofile import read_po  # noqa: E402

from editor.i18n import DOMAIN, LOCALE_DIR  # noqa: E402
from tests.conftest import ROOT  # noqa: E402

PO = LOCALE_DIR / "zh" / "LC_MESSAGES" / f"{DOMAIN}.po"
MO = PO.with_suffix(".mo")
#: Words a Chinese message may keep: names of formats, encodings, units, options.
LATIN_OK = {"OCR", "hOCR", "ALTO", "WC", "jieba", "UTF", "GB", "GBK", "XML", "DTD", "JSON", "NewsML", "G2", "PNG", "JPEG", "GIF", "PDF", "ZIP",
            "docx", "xlsx", "MS", "Office", "gzip", "jiaodui", "strict", "jobs", "error", "warning",
            "info", "severity", "U", "MB", "Dask", "ISO",
            "Tesseract", "tesseract", "Transkribus", "PAGE", "chi", "sim", "hocr"}  # names, a command


def source_messages() -> set[str]:
    found = extract_from_dir(str(ROOT / "editor"), [("**.py", "python")],
                             keywords={"_": None, "n_": (1, 2)})
    return {msg if isinstance(msg, str) else msg[0] for _f, _l, msg, _c, _x in found}


@pytest.fixture(scope="module")
def catalog():
    with open(PO, "rb") as fh:
        return {m.id if isinstance(m.id, str) else m.id[0]: m for m in read_po(fh) if m.id}


def fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def test_every_message_in_the_sources_is_in_the_catalog(catalog):
    missing = source_messages() - set(catalog)
    assert not missing, f"run tools/update_catalogs.sh and translate: {sorted(missing)[:5]}"


def test_every_message_is_translated_with_the_same_fields(catalog):
    for msgid, message in catalog.items():
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings) and not message.fuzzy, f"untranslated: {msgid!r}"
        for text in strings:
            assert fields(text) == fields(msgid), (msgid, text)


def test_the_chinese_is_chinese(catalog):
    for msgid, message in catalog.items():
        text = message.string if isinstance(message.string, str) else message.string[0]
        text = re.sub(r"\{[^}]*\}|``[^`]*``|--\w+|\.\w+|Ã©|U\+", "", text)  # fields, examples, options
        words = set(re.findall(r"[A-Za-z]{2,}", text)) - LATIN_OK
        assert not words, (msgid, words)


def test_the_compiled_catalog_is_up_to_date(catalog):
    with open(MO, "rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    for msgid, message in catalog.items():
        if isinstance(message.id, tuple):
            assert compiled.ngettext(message.id[0], message.id[1], 2) == message.string[0], msgid
        else:
            assert compiled.gettext(msgid) == message.string, f"stale .mo: tools/update_catalogs.sh ({msgid!r})"
