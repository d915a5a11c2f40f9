"""The cluster batch's storage (fsspec) and manifest, without a cluster: local folders,
globs and an in-memory store standing in for an object store."""
import json
import uuid

import pytest

pytest.importorskip("fsspec", reason="fsspec is in the test extra: pip install -e '.[test]'")

from editor.cluster import manifest, storage  # noqa: E402
from editor.errors import InputError  # noqa: E402


@pytest.fixture
def memory_root():
    import fsspec

    root = f"memory://t{uuid.uuid4().hex[:8]}"
    yield root
    fs = fsspec.filesystem("memory")
    if fs.exists(root):
        fs.rm(root, recursive=True)


def test_folders_globs_and_files_keep_the_users_spelling(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("scans/1950/01/p1.txt", "scans/1950/01/p2.txt", "scans/1950/02/p1.txt",
                 "scans/.hidden.txt", "scans/1950/.cache/x.txt", "flat/b.txt", "flat/a.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = storage.list_sources(["flat", "scans/**/*.txt", "missing.txt"])
    assert [(s.path, s.name) for s in found] == [
        ("flat/a.txt", "a.txt"), ("flat/b.txt", "b.txt"),
        ("scans/1950/01/p1.txt", "1950/01/p1.txt"), ("scans/1950/01/p2.txt", "1950/01/p2.txt"),
        ("scans/1950/02/p1.txt", "1950/02/p1.txt"),
        ("missing.txt", "missing.txt"),   # kept: it fails as a page, with its reason
    ]
    with pytest.raises(InputError, match="no such file: missing.txt"):
        storage.read_source("missing.txt")


def test_an_object_store_is_listed_read_and_written_whole(memory_root):
    import fsspec

    fs = fsspec.filesystem("memory")
    fs.pipe_file(f"{memory_root}/in/a.txt", "甲".encode())
    fs.pipe_file(f"{memory_root}/in/sub/b.txt", "乙".encode())
    found = storage.list_sources([f"{memory_root}/in/**/*.txt"])
    assert [s.path for s in found] == [f"{memory_root}/in/a.txt", f"{memory_root}/in/sub/b.txt"]
    assert [s.name for s in found] == ["a.txt", "sub/b.txt"]
    assert storage.read_source(found[1].path) == "乙".encode()
    storage.write_output(f"{memory_root}/out/sub/b.xml", b"<x/>")
    assert storage.list_outputs(f"{memory_root}/out") == {"sub/b.xml"}
    with pytest.raises(InputError, match="no such file"):
        storage.read_source(f"{memory_root}/in/nope.txt")


def test_local_temp_files_of_a_killed_writer_are_removed_and_nothing_else(tmp_path):
    (tmp_path / ".p1.xml.k3j2h1.tmp").write_text("half", encoding="utf-8")
    (tmp_path / ".notes.tmp").write_text("mine", encoding="utf-8")
    (tmp_path / "p1.xml").write_text("<x/>", encoding="utf-8")
    assert storage.remove_temp_files(str(tmp_path), ".xml") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [".notes.tmp", "p1.xml"]


def row(source, status="ok", digest="sha256:1", output="out/a.xml"):
    return {"source": source, "hash": digest, "output": output, "status": status, "error": "",
            "seconds": 0.1, "format": "newsml", "sent": "", "warnings": []}


def test_a_row_cut_short_by_a_crash_is_skipped_and_the_next_run_starts_a_fresh_line(tmp_path):
    writer = manifest.ManifestWriter(str(tmp_path))
    writer.add([row("a.txt"), row("b.txt", status="failed")])
    writer.close()
    with open(tmp_path / manifest.NAME, "ab") as fh:
        fh.write(b'{"source": "c.txt", "ha')          # the client died mid-line
    writer = manifest.ManifestWriter(str(tmp_path))
    writer.add([row("b.txt", digest="sha256:2")])
    writer.close()
    rows = manifest.read_manifest(str(tmp_path))
    assert sorted(rows) == ["a.txt", "b.txt"]
    assert rows["b.txt"]["status"] == "ok" and rows["b.txt"]["hash"] == "sha256:2"  # later wins


def test_done_only_with_an_ok_row_for_the_same_output_still_there():
    rows = {"a.txt": row("a.txt"), "b.txt": row("b.txt", status="failed")}
    assert manifest.done_hash(rows, "a.txt", "out/a.xml", present=True) == "sha256:1"
    assert manifest.done_hash(rows, "a.txt", "out/a.xml", present=False) is None   # deleted: redo
    assert manifest.done_hash(rows, "a.txt", "out/a.json", present=True) is None   # other format
    assert manifest.done_hash(rows, "b.txt", "out/a.xml", present=True) is None    # failed: retry
    assert manifest.done_hash(rows, "c.txt", "out/c.xml", present=True) is None


def test_on_an_object_store_the_manifest_is_parts_each_written_whole(memory_root):
    import fsspec

    writer = manifest.ManifestWriter(memory_root)
    writer.add([row("a.txt")])
    assert not fsspec.filesystem("memory").exists(f"{memory_root}/{manifest.PARTS}")  # not yet
    writer.close()
    writer = manifest.ManifestWriter(memory_root)
    writer.add([row("a.txt", digest="sha256:9")])
    writer.close()
    parts = sorted(fsspec.filesystem("memory").find(f"{memory_root}/{manifest.PARTS}"))
    assert len(parts) == 2
    assert [json.loads(line)["source"] for line in fsspec.filesystem("memory").cat_file(parts[0]).splitlines()] == ["a.txt"]
    assert manifest.read_manifest(memory_root)["a.txt"]["hash"] == "sha256:9"
