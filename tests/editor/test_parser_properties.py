"""Whatever page it gets, the parser never raises and never loses or doubles a character:
pages with every C0 control, U+FEFF anywhere, odd spaces; and project files with lone
surrogates or deep nesting are refused with a clear message, never a traceback."""
import json
import os

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from editor.decoding import BINARY_SHARE, normalise_newlines
from editor.errors import InputError
from editor.invariants import coverage, text_matches_sources
from editor.parser import parse_bytes, parse_text
from tests.editor.strategies import page_text

EXAMPLES = int(os.environ.get("JIAODUI_PROPERTY_EXAMPLES", "150"))
CONFIG = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@CONFIG
@given(page_text())
# found by this test (issue 19): U+001F before a line that looked like merged columns was
# taken for a space between pieces, and belonged to no block
@example("  一一一一。\n  一一一一。\n\x1f  一一一 一一。\n  一一一一。\n\n  一一一一。")
@example("\x1c正文一段。\x1f\n\ufeff  正文\x1e\n\x1d\n")
# and a U+001F between a dateline and its text: splitting a block dropped it (str.strip)
@example("  新华社北京6月20日电\x1f\u3000一一一一。\n\n")
def test_every_character_lands_in_exactly_one_block(text):
    page = parse_text(normalise_newlines(text))
    missing, duplicated = coverage(page)
    assert missing == [] and duplicated == []
    assert text_matches_sources(page) == []


@CONFIG
@given(page_text(), st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-32"]))
def test_encodings_round_trip_through_decoding(text, codec):
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        return  # a character this encoding cannot hold: nothing to test
    try:
        page = parse_bytes(data)
    except InputError as exc:
        # refused only as binary (more than BINARY_SHARE of the bytes are control codes),
        # or as UTF-16 without a byte-order mark (NUL bytes that read as UTF-16 text)
        controls = sum(b < 32 and b not in (9, 10, 12, 13, 27) for b in data)
        assert controls > max(2, len(data) * BINARY_SHARE) or ("UTF-16" in str(exc) and data.count(0) >= 4)
        return
    expected = normalise_newlines(text)
    if codec in ("utf-8", "gb18030") and expected.startswith("\ufeff"):
        expected = expected[1:]  # its bytes are the encoding's byte-order mark, which is no text
    assert page.raw_text == expected  # after a BOM the encoder wrote, a U+FEFF is kept
    assert coverage(page) == ([], [])


@CONFIG
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_give_a_page_or_a_clear_error(data):
    try:
        page = parse_bytes(data)
    except InputError as exc:
        assert str(exc)
        return
    assert coverage(page) == ([], [])


@CONFIG
@given(st.text(max_size=400))
def test_arbitrary_text(text):
    page = parse_text(normalise_newlines(text))
    assert coverage(page) == ([], [])


# --- project files: what JSON can spell that no page holds ----------------------------------

def _strings(data, path=()):
    """(path, value) of every string in the JSON data, keys included."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield path + (key,), key, True
            yield from _strings(value, path + (key,))
    elif isinstance(data, list):
        for n, value in enumerate(data):
            yield from _strings(value, path + (n,))
    elif isinstance(data, str):
        yield path, data, False


def _replace(data, path, new, key: bool):
    *parents, last = path
    holder = data
    for step in parents:
        holder = holder[step]
    if key:
        holder[new] = holder.pop(last)
    else:
        holder[last] = new


@CONFIG
@given(page_text(), st.data())
def test_project_json_with_a_lone_surrogate_or_deep_nesting_is_refused_cleanly(text, data):
    from editor.project import Project, load_project_bytes

    page = parse_text(normalise_newlines(text))
    project = Project(page).to_json()
    again = load_project_bytes(json.dumps(project, ensure_ascii=False).encode("utf-8"))
    assert again.page.to_json() == page.to_json() and coverage(again.page) == ([], [])
    damage = data.draw(st.sampled_from(["surrogate", "nesting"]))
    if damage == "surrogate":
        strings = list(_strings(project))
        path, value, key = data.draw(st.sampled_from(strings))
        at = data.draw(st.integers(0, len(value)))
        lone = data.draw(st.sampled_from(["\ud800", "\udbff", "\udc00", "\udfff"]))
        _replace(project, path, value[:at] + lone + value[at:], key)
        body = json.dumps(project, ensure_ascii=True)  # the surrogate as an escape, as JSON spells it
    else:
        depth = data.draw(st.sampled_from([33, 500, 990, 5000, 100_000]))
        body = json.dumps(project)[:-1] + ', "extra": ' + "[" * depth + "]" * depth + "}"
    with pytest.raises(InputError) as info:
        load_project_bytes(body.encode("utf-8"))
    assert ("lone surrogate" if damage == "surrogate" else "nested more than") in str(info.value)
