"""Whatever page it gets, the parser never raises and never loses or doubles a character."""
import os

from hypothesis import HealthCheck, given, settings
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
def test_every_character_lands_in_exactly_one_block(text):
    page = parse_text(normalise_newlines(text))
    missing, duplicated = coverage(page)
    assert missing == [] and duplicated == []
    assert text_matches_sources(page) == []


@CONFIG
@given(page_text(), st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_encodings_round_trip_through_decoding(text, codec):
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        return  # a character this encoding cannot hold: nothing to test
    try:
        page = parse_bytes(data)
    except InputError:
        # refused only as binary: more than BINARY_SHARE of the bytes are control codes
        controls = sum(b < 32 and b not in (9, 10, 12, 13, 27) for b in data)
        assert controls > max(2, len(data) * BINARY_SHARE)
        return
    expected = normalise_newlines(text)
    assert page.raw_text == (expected[1:] if expected.startswith("\ufeff") else expected)
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
