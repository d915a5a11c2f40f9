"""jieba's dictionary cache (issue 19, #11): it lives in the user's own cache folder, made
user-only; a cache planted in the shared temp folder is never read, one in our folder that
is not the user's or not the one we sealed is rebuilt, and a cache that cannot be written
costs time, never a traceback."""
from __future__ import annotations

import marshal
import os
import stat
import subprocess
import sys
from types import SimpleNamespace

import pytest

from editor import words
from tests.conftest import ROOT

PAGE = "聊城市召开经济工作会议\n\n  本报讯 会议研究部署明年经济工作，要求推动高质量发展，扩大有效投资。\n"
#: What the planted cache says: no word at all (every export's keywords went empty).
PLANTED = marshal.dumps(({"会议": 0}, 1))


def export_keywords(tmp_path, env_extra) -> tuple[list[str], str]:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "page.xml"
    env = {**os.environ, **env_extra}
    env.pop("JIAODUI_CACHE_DIR", None)
    result = subprocess.run([sys.executable, "main.py", "export", str(page), "-o", str(out), "--quiet"],
                            cwd=ROOT, capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    import re

    return re.findall(r"<keyword>([^<]*)</keyword>", out.read_text(encoding="utf-8")), result.stderr


def test_a_cache_planted_in_the_shared_temp_folder_is_never_read(tmp_path):
    shared = tmp_path / "shared-tmp"
    shared.mkdir()
    (shared / "jieba.cache").write_bytes(PLANTED)
    found, stderr = export_keywords(tmp_path, {"TMPDIR": str(shared), "XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert len(found) >= 3 and "会议" in found and stderr == ""
    folder = tmp_path / "cache" / "jiaodui"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "jieba.cache").stat().st_mode) == 0o600
    assert (shared / "jieba.cache").read_bytes() == PLANTED  # left alone, and not read


def test_an_unsealed_cache_in_our_folder_is_rebuilt(tmp_path):
    folder = tmp_path / "cache" / "jiaodui"
    folder.mkdir(parents=True, mode=0o700)
    (folder / "jieba.cache").write_bytes(PLANTED)
    (folder / "jieba.cache").chmod(0o600)
    found, _err = export_keywords(tmp_path, {"XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert "会议" in found and (folder / "jieba.cache").read_bytes() != PLANTED
    sealed = (folder / "jieba.cache.sha256").read_text(encoding="ascii").split()
    assert sealed[0].startswith("jieba-") and len(sealed[-1]) == 64
    # from then on the words come from the dictionary's table: jieba's cache is not read
    (folder / "jieba.cache").write_bytes(PLANTED)
    again, _err = export_keywords(tmp_path, {"XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert again == found and (folder / "dictionary.table.seal").is_file()


def test_a_cache_that_cannot_be_written_costs_no_traceback(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go")
    found, stderr = export_keywords(tmp_path, {"XDG_CACHE_HOME": str(blocked)})
    assert "会议" in found and stderr == ""


@pytest.fixture
def sealed_cache(tmp_path, monkeypatch):
    """Our cache folder with a cache and its seal, as a load leaves them."""
    monkeypatch.setenv("JIAODUI_CACHE_DIR", str(tmp_path / "c"))
    tok = SimpleNamespace(tmp_dir=None, cache_file=None)
    seal = words.private_cache(tok)
    (tmp_path / "c" / "jieba.cache").write_bytes(b"what jieba wrote")
    (tmp_path / "c" / "jieba.cache").chmod(0o600)
    seal()
    assert tok.cache_file == str(tmp_path / "c" / "jieba.cache")
    assert stat.S_IMODE((tmp_path / "c").stat().st_mode) == 0o700
    return tmp_path / "c" / "jieba.cache"


def again(cache) -> bool:
    """Prepare the cache again (as the next load would): is it still there?"""
    words.private_cache(SimpleNamespace(tmp_dir=None, cache_file=None))
    return cache.exists()


def test_a_sealed_cache_is_kept(sealed_cache):
    assert again(sealed_cache)


def test_a_cache_of_another_owner_is_removed(sealed_cache, monkeypatch):
    if not hasattr(os, "getuid"):
        pytest.skip("no owners here")
    uid = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: uid + 1)
    assert not again(sealed_cache)


def test_a_cache_others_may_write_is_removed(sealed_cache):
    sealed_cache.chmod(0o666)
    assert not again(sealed_cache)


def test_a_cache_that_is_a_link_is_removed(sealed_cache, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_bytes(sealed_cache.read_bytes())
    sealed_cache.unlink()
    sealed_cache.symlink_to(elsewhere)
    assert not again(sealed_cache) and elsewhere.exists()


def test_a_cache_of_another_jieba_or_dictionary_is_removed(sealed_cache):
    seal = sealed_cache.with_name("jieba.cache.sha256")
    seal.write_text(seal.read_text().replace("jieba-", "jieba-0."), encoding="ascii")
    assert not again(sealed_cache)


@pytest.fixture
def own_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("JIAODUI_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_the_dictionary_table_is_made_once_then_read(own_folder):
    first = words._open_dictionary()  # none there: jieba's, loaded whole; the table made
    assert first.source == "jieba"
    table = own_folder / "dictionary.table"
    assert stat.S_IMODE(table.stat().st_mode) == 0o600
    second = words._open_dictionary()
    assert second.source == "table" and second.total == first.total
    text = "聊城市召开经济工作会议，林长制全面推行"
    assert second.lcut(text) == first.lcut(text) and second.FREQ["会议"] == first.FREQ["会议"]


@pytest.mark.parametrize("harm", ["flip", "truncate", "another", "planted"])
def test_a_damaged_or_foreign_table_is_made_again(own_folder, harm):
    words._open_dictionary()
    table = own_folder / "dictionary.table"
    data = bytearray(table.read_bytes())
    if harm == "flip":
        data[len(data) // 3] ^= 1
    elif harm == "truncate":
        del data[len(data) - 4096:]
    elif harm == "another":  # a table of no words, sealed for another jieba
        seal = own_folder / "dictionary.table.seal"
        seal.write_text(seal.read_text().replace("jieba-", "jieba-0."), encoding="ascii")
    table.write_bytes(bytes(data))
    if harm == "planted":
        table.chmod(0o644 | 0o022)
    again = words._open_dictionary()
    assert again.source == "jieba"  # not read: jieba's dictionary, and the table made again
    assert words._open_dictionary().source == "table"
    assert again.FREQ["经济"] > 0 and again.FREQ["济农"] is None


def test_no_cache_folder_means_jiebas_own_load(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("JIAODUI_CACHE_DIR", str(blocked / "jiaodui"))
    d = words._open_dictionary()
    assert d.source == "jieba" and d.lcut("经济工作会议") == ["经济", "工作", "会议"]
    assert words._open_dictionary().source == "jieba"


def test_the_completion_index_is_kept_sealed_and_made_again_when_changed(own_folder):
    made = words._index_lookup()  # none there: made from the dictionary, then stored
    stored = own_folder / "completions.table"
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    read = words._index_lookup()  # read back from the table: the same index
    for key in ("\x00家", "国\x00", "经\x00", "\x01发展", "\x01国家", "\x00\x00"):
        assert read(key) == made(key)
    assert "国" in marshal.loads(read("\x00家")) and read("\x01发展") is not None
    stored.write_bytes(stored.read_bytes()[:-100])  # not what was sealed
    assert words._index_lookup()("\x00家") == made("\x00家")
