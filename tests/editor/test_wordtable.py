"""The table on disk behind the dictionary: what goes in comes out, and a file that is not
the one sealed (damaged, truncated, another) is refused, never read as words."""
from __future__ import annotations

import pytest

from editor.wordtable import checksum, open_table, table_bytes

WORDS = [("经济", 5000), ("经", 0), ("经济学", 120), ("a", 7), ("𠀀字", 3), ("会议", 2 ** 40)]


def stored(tmp_path, items, kind, extra=0):
    data = table_bytes(items, kind, extra)
    path = tmp_path / "t.table"
    path.write_bytes(data)
    return path, checksum(data)


def test_every_key_reads_back_and_others_are_absent(tmp_path):
    path, digest = stored(tmp_path, WORDS, "q", extra=123)
    table = open_table(path, digest)
    assert [table.get(k) for k, _v in WORDS] == [v for _k, v in WORDS]
    assert table.extra == 123 and len(table) == len(WORDS)
    for other in ("济", "经济学家", "", "A", "\udc80", "会"):
        assert table.get(other) is None


def test_many_keys_with_collisions_all_found(tmp_path):
    items = [(f"词{i}", i) for i in range(5000)]
    path, digest = stored(tmp_path, items, "q")
    table = open_table(path, digest)
    assert all(table.get(k) == v for k, v in items)
    assert table.get("词5000") is None


def test_floats_and_bytes_tables(tmp_path):
    path, digest = stored(tmp_path, [("中国", 2.718281828459045), ("的", -0.5)], "d")
    table = open_table(path, digest)
    assert table.get("中国") == 2.718281828459045 and table.get("的") == -0.5
    path, digest = stored(tmp_path, [("甲", b"\x00\x01"), ("乙", b""), ("丙", b"xyz")], "b")
    table = open_table(path, digest)
    assert [table.get_bytes(k) for k in "甲乙丙丁"] == [b"\x00\x01", b"", b"xyz", None]


def test_the_same_items_make_the_same_bytes():
    assert table_bytes(WORDS, "q", 9) == table_bytes(list(WORDS), "q", 9)


def test_a_damaged_file_is_refused(tmp_path):
    path, digest = stored(tmp_path, WORDS, "q")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x40  # one bit, in the middle of the slots
    path.write_bytes(bytes(data))
    assert open_table(path, digest) is None


@pytest.mark.parametrize("keep", [0, 10, 64, -1])
def test_a_truncated_file_is_refused(tmp_path, keep):
    path, digest = stored(tmp_path, WORDS, "q")
    data = path.read_bytes()
    path.write_bytes(data[:keep])
    assert open_table(path, digest) is None


def test_no_file_or_a_folder_is_refused(tmp_path):
    assert open_table(tmp_path / "none.table", "0" * 64) is None
    assert open_table(tmp_path, "0" * 64) is None


def test_an_empty_key_cannot_be_stored():
    with pytest.raises(ValueError):
        table_bytes([("", 1)], "q")


def test_a_memo_looks_up_once_and_stays_bounded():
    from editor.wordtable import Memo

    asked = []
    memo = Memo(lambda key: asked.append(key) or len(key), limit=3)
    assert [memo["ab"], memo["ab"], memo["abc"]] == [2, 2, 3] and asked == ["ab", "abc"]
    for key in ("a", "b", "c", "d"):
        assert memo[key] == 1
    assert len(memo) <= 3 and memo["abc"] == 3  # emptied at the limit, looked up again
    assert Memo(lambda key: None, decode=lambda v: "none" if v is None else v)["x"] == "none"
