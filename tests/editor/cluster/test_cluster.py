"""``export``/``check --dask`` on a real LocalCluster of two worker processes: the same bytes
as ``export --jobs 1``, a worker killed halfway loses nothing, a rerun does nothing, a
changed page is redone, a bad page fails alone, a PDF of several pages is a job a page.

The cluster is started once for the module (a few seconds); no test asserts a time, and the
waits are generous (CI is a busy 2-core machine).
"""
import hashlib
import importlib.util
import json
import os
import random
import signal
import threading
from pathlib import Path

import pytest

from bench.batch_export import make_pages, perturbed
from editor.cli import main as cli_main
from tests.conftest import SAMPLE

SENT = "2024-05-01T08:00:00+08:00"
MANIFEST = "jiaodui-manifest.jsonl"


def _need_dask():
    if all(importlib.util.find_spec(n) for n in ("dask", "distributed", "fsspec")):
        return
    message = "Dask and fsspec are in the test extra: pip install -e '.[test]'"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module", autouse=True)
def environment_back():
    """Starting workers leaves variables in os.environ (PYTHONHASHSEED, MALLOC_TRIM_THRESHOLD_,
    OMP_NUM_THREADS…) that later tests' child processes would inherit: put it back after."""
    saved = dict(os.environ)
    yield
    os.environ.clear()
    os.environ.update(saved)


@pytest.fixture(scope="module")
def cluster():
    _need_dask()
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as lc, \
            Client(lc, set_as_default=False) as client:
        client.wait_for_workers(2, timeout=300)
        yield lc, client


def rows_of(out):
    return [json.loads(line) for line in (out / MANIFEST).read_text(encoding="utf-8").splitlines()]


def stats(folder):
    return {p.name: (p.stat().st_mtime_ns, p.stat().st_ino, p.stat().st_size) for p in folder.iterdir()}


def export(*args):
    return cli_main(["export", *map(str, args), "--sent", SENT, "--quiet"])


def kill_a_worker_at(out, rows, pid, seen, stop):
    """Kill ``pid`` once the manifest holds ``rows`` rows; ``seen['rows']`` says how many."""
    path = out / MANIFEST
    while not stop.is_set():
        count = path.read_bytes().count(b"\n") if path.exists() else 0
        if count >= rows:
            os.kill(pid, signal.SIGKILL)
            seen["rows"] = count
            return
        stop.wait(0.005)


def test_200_pages_one_worker_killed_halfway_then_rerun_and_a_changed_page(tmp_path, cluster):
    lc, client = cluster
    pages, ref, out = tmp_path / "pages", tmp_path / "ref", tmp_path / "out"
    pages.mkdir()
    make_pages(pages, 200)
    assert export(pages, "-o", ref, "--jobs", 1) == 0

    victim = sorted(client.run(os.getpid).values())[0]
    seen: dict = {}
    stop = threading.Event()
    killer = threading.Thread(target=kill_a_worker_at, args=(out, 100, victim, seen, stop))
    killer.start()
    try:
        assert export(pages, "-o", out, "--dask", lc.scheduler_address) == 0
    finally:
        stop.set()
        killer.join()
    assert 100 <= seen["rows"] < 200                  # the kill came while pages were still to do
    client.wait_for_workers(2, timeout=300)            # the nanny started a new worker
    assert victim not in client.run(os.getpid).values()

    names = sorted(p.name for p in ref.iterdir())
    assert len(names) == 200 and sorted(p.name for p in out.iterdir()) == sorted(names + [MANIFEST])
    for name in names:                                 # byte for byte what --jobs 1 wrote
        assert (out / name).read_bytes() == (ref / name).read_bytes(), name
    rows = rows_of(out)
    assert len(rows) == 200 and len({r["source"] for r in rows}) == 200
    for r in rows:
        assert r["status"] == "ok" and r["error"] == "" and r["sent"] == SENT
        source = r["source"]
        assert r["hash"] == "sha256:" + hashlib.sha256(Path(source).read_bytes()).hexdigest()
        assert os.path.basename(r["output"]) == os.path.basename(source)[:-4] + ".xml"

    before = stats(out)                                # a rerun does nothing
    assert export(pages, "-o", out, "--dask", lc.scheduler_address) == 0
    assert stats(out) == before

    changed = pages / "page00007.txt"                  # a changed page is redone, alone
    changed.write_text(perturbed(SAMPLE.read_text(encoding="utf-8"), random.Random(77)), encoding="utf-8")
    assert export(pages, "-o", out, "--dask", lc.scheduler_address) == 0
    after = stats(out)
    assert {n for n in after if after[n] != before[n]} == {"page00007.xml", MANIFEST}
    assert export(changed, "-o", tmp_path / "one.xml") == 0
    assert (out / "page00007.xml").read_bytes() == (tmp_path / "one.xml").read_bytes()
    last = rows_of(out)[-1]
    assert len(rows_of(out)) == 201 and last["source"] == str(changed) and last["status"] == "ok"
    assert last["hash"] == "sha256:" + hashlib.sha256(changed.read_bytes()).hexdigest()


@pytest.fixture
def mixed(tmp_path, sample_bytes):
    """Three pages, one empty page (it fails) and an image (no page: skipped)."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("a.txt", "b.txt", "d.txt"):
        (pages / name).write_bytes(sample_bytes.replace(b"2", b"3", 1 + ord(name[0]) % 5))
    (pages / "c.txt").write_bytes(b"")
    (pages / "e.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return pages


def test_a_bad_page_fails_alone_with_its_reason_and_is_retried(tmp_path, mixed, cluster, capsys, sample_bytes):
    lc, _client = cluster
    out = tmp_path / "out"
    assert export(mixed, "-o", out, "--dask", lc.scheduler_address) == 1
    err = capsys.readouterr().err
    failures = [line for line in err.splitlines() if ": failed: " in line]
    assert len(failures) == 1 and "c.txt" in failures[0] and "empty" in failures[0]
    assert "Traceback" not in err
    assert sorted(p.name for p in out.iterdir()) == ["a.xml", "b.xml", "d.xml", MANIFEST]
    bad = [r for r in rows_of(out) if r["status"] != "ok"]
    assert [(os.path.basename(r["source"]), r["status"]) for r in bad] == [("c.txt", "unreadable")]
    assert "empty" in bad[0]["error"]

    (mixed / "c.txt").write_bytes(sample_bytes)         # mended: only it is done again
    assert export(mixed, "-o", out, "--dask", lc.scheduler_address) == 0
    assert [os.path.basename(r["source"]) for r in rows_of(out)[4:]] == ["c.txt"]
    assert (out / "c.xml").exists()


def test_check_jsonl_on_the_cluster_gives_the_flags_check_gives(tmp_path, mixed, cluster, capsys):
    lc, _client = cluster
    good = sorted(str(p) for p in mixed.iterdir() if p.suffix == ".txt" and p.name != "c.txt")
    assert cli_main(["check", *good, "--format", "jsonl"]) in (0, 1)
    here = capsys.readouterr().out.splitlines()
    code = cli_main(["check", str(mixed), "--format", "jsonl", "--dask", lc.scheduler_address])
    captured = capsys.readouterr()
    assert code == 2                                   # c.txt cannot be read…
    assert [ln for ln in captured.err.splitlines() if "c.txt" in ln and "empty" in ln]

    assert here and comparable(captured.out.splitlines()) == comparable(here)   # …the others are checked


def comparable(lines):
    """JSON lines of flags, sorted, without block ids (they count the blocks a process made)."""
    return sorted(json.dumps({k: v for k, v in json.loads(ln).items() if k != "block_id"},
                             sort_keys=True, ensure_ascii=False) for ln in lines)


def failing_task(chunk, options):
    """A task for the engine that fails on one item, as a page that kills its worker does."""
    if "poison" in chunk:
        raise RuntimeError("this page kills its worker")
    return [{"item": item} for item in chunk]


def test_a_chunk_that_cannot_finish_is_split_so_the_bad_page_fails_alone(cluster):
    from editor.cluster import engine

    _lc, client = cluster
    rows, lost = [], []
    engine.run_chunks(client, failing_task, [["a", "poison", "b"], ["c"]], None, rows.extend,
                      lambda item, exc: lost.append((item, str(exc))) or {"item": item, "lost": True})
    assert sorted(r["item"] for r in rows) == ["a", "b", "c", "poison"]
    assert lost == [("poison", "this page kills its worker")]


def test_without_dask_the_option_says_what_to_install(tmp_path, mixed, capsys, monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "distributed" else real(name, *a))
    for argv in (["export", str(mixed), "-o", str(tmp_path / "out"), "--dask", "local:2"],
                 ["check", str(mixed), "--format", "jsonl", "--dask", "local:2"]):
        assert cli_main(argv) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "distributed" in err[0] and "pip install" in err[0]
    assert not (tmp_path / "out").exists()


def test_an_unreachable_scheduler_is_one_line_exit_2(tmp_path, mixed, capsys):
    _need_dask()
    import dask
    import distributed  # noqa: F401  its config first: leaving dask.config.set would drop it

    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        assert cli_main(["export", str(mixed), "-o", str(tmp_path / "out"), "--dask", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "tcp://127.0.0.1:9" in err[0] and "Traceback" not in err[0]
    assert cli_main(["export", str(mixed), "-o", str(tmp_path / "out"), "--dask", "local:0"]) == 2
    assert "local:N" in capsys.readouterr().err


def test_urls_in_and_out_through_fsspec(sample_bytes, tmp_path):
    """SOURCE and DEST as URLs (fsspec's in-memory store standing in for S3), nested names
    from a glob, the manifest as parts; workers are threads here, to share the store."""
    _need_dask()
    import fsspec
    from distributed import LocalCluster

    from tests.editor.readers import newskit

    fs, root = fsspec.filesystem("memory"), "memory://jiaodui-test-urls"
    fs.pipe_file(f"{root}/scans/1950/01/p1.txt", sample_bytes)
    fs.pipe_file(f"{root}/scans/1950/02/p1.txt", sample_bytes.replace(b"1", b"7", 3))
    fs.pipe_file(f"{root}/scans/1950/03/day.pdf", newskit.news_pdf(tmp_path / "day.pdf", pages=2).read_bytes())
    try:
        with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as lc:
            for _run in range(2):
                assert export(f"{root}/scans/**/*.*", "-o", f"{root}/out", "--dask", lc.scheduler_address) == 0
        out = sorted(p.split("/out/", 1)[1] for p in fs.find(f"{root}/out"))
        assert out[:4] == ["1950/01/p1.xml", "1950/02/p1.xml", "1950/03/day-p1.xml", "1950/03/day-p2.xml"]
        assert len(out) == 5          # one manifest part: the second run had nothing to do
        assert out[4].startswith("jiaodui-manifest/") and out[4].endswith(".jsonl")
        assert fs.cat_file(f"{root}/out/1950/01/p1.xml").startswith(b"<?xml")
        assert newskit.HEADLINE + "2" in fs.cat_file(f"{root}/out/1950/03/day-p2.xml").decode("utf-8")
    finally:
        fs.rm(root, recursive=True)


def test_local_n_starts_and_closes_its_own_cluster(tmp_path, mixed, capsys):
    _need_dask()
    out = tmp_path / "out"
    assert cli_main(["export", str(mixed), "-o", str(out), "--dask", "local:1", "--sent", SENT]) == 1
    err = capsys.readouterr().err
    assert "Dask dashboard: http" in err and "exported 3, already done 0, failed 1, of 4" in err
    assert "skipped 1 file that is no page: e.png" in err
    assert sorted(p.name for p in out.iterdir()) == ["a.xml", "b.xml", "d.xml", MANIFEST]


def same_files(ref, out):
    """The files of ``out`` (but its manifest) are those of ``ref``, byte for byte."""
    names = sorted(p.name for p in ref.iterdir())
    assert sorted(p.name for p in out.iterdir()) == sorted(names + [MANIFEST])
    for name in names:
        assert (out / name).read_bytes() == (ref / name).read_bytes(), name
    return names


def test_a_pdf_of_three_pages_on_local_1_gives_the_files_export_gives(tmp_path):
    _need_dask()
    from tests.editor.readers import newskit

    pages, ref, out = tmp_path / "in", tmp_path / "ref", tmp_path / "out"
    pages.mkdir()
    pdf = newskit.news_pdf(pages / "day.pdf", pages=3)
    assert export(pages, "-o", ref, "--jobs", 1) == 0
    assert export(pages, "-o", out, "--dask", "local:1") == 0
    assert same_files(ref, out) == ["day-p1.xml", "day-p2.xml", "day-p3.xml"]
    assert newskit.HEADLINE + "3" in (out / "day-p3.xml").read_text(encoding="utf-8")
    rows = rows_of(out)                                # a row a page, each with the PDF's hash
    assert sorted(r["source"] for r in rows) == [f"{pdf}#{n}" for n in (1, 2, 3)]
    assert {r["hash"] for r in rows} == {"sha256:" + hashlib.sha256(pdf.read_bytes()).hexdigest()}


def test_pages_as_and_encoding_reach_the_workers(tmp_path, cluster, sample_path):
    from tests.editor.readers import newskit

    lc, _client = cluster
    pages = tmp_path / "in"
    pages.mkdir()
    pdf = newskit.news_pdf(pages / "day.pdf", pages=3)
    text = "城市书房让阅读触手可及\n\n　　本报讯　全市新建城市书房二十座。\n"
    u16 = tmp_path / "u16.txt"                         # no BOM: only --encoding reads it (and a folder
    u16.write_bytes(text.encode("utf-16-le"))          # takes it for a binary file: it is named)
    assert export(sample_path, "-o", pages / "news.xml") == 0   # NewsML, which --as page reads as text
    runs = [("--pages", "2-3", "--encoding", "utf-16-le"), ("--as", "page",)]
    for k, options in enumerate(runs):
        ref, out = tmp_path / f"ref{k}", tmp_path / f"out{k}"
        assert export(pages, u16, "-o", ref, "--jobs", 1, *options) in (0, 1)
        assert export(pages, u16, "-o", out, "--dask", lc.scheduler_address, *options) in (0, 1)
        same_files(ref, out)
    assert sorted(p.name for p in (tmp_path / "ref0").iterdir()) == ["day-p2.xml", "day-p3.xml", "news.xml", "u16.xml"]
    assert "城市书房" in (tmp_path / "out0" / "u16.xml").read_text(encoding="utf-8")
    assert "&lt;newsMessage" in (tmp_path / "out1" / "news.xml").read_text(encoding="utf-8")  # markup, as text
    assert "&lt;newsMessage" not in (tmp_path / "out0" / "news.xml").read_text(encoding="utf-8")
    # one page named FILE#N; the tree names it as the user named it (article ids are per process)
    assert export(f"{pdf}#2", "-o", tmp_path / "one", "--format", "json", "--dask", lc.scheduler_address) == 0
    tree = json.loads((tmp_path / "one" / "day-p2.json").read_text(encoding="utf-8"))
    assert tree["source"] == str(pdf) and tree["articles"][0]["title"] == newskit.HEADLINE + "2"


def test_check_on_the_cluster_reads_the_pages_of_a_pdf_check_reads(tmp_path, cluster, capsys):
    from tests.editor.readers import newskit, pdfkit

    lc, _client = cluster
    (tmp_path / "in").mkdir()
    pdf = pdfkit.text_pdf(tmp_path / "in" / "flags.pdf", [newskit.page_items(n) + [
        (60, 200, f"借阅人数增加 {n} . 5 成,比去年多", 10.0, "STSong-Light", 0)] for n in (1, 2, 3)])
    check = ["check", "--format", "jsonl", "--pages", "2-3"]
    assert cli_main([*check, str(pdf)]) == 1           # check reads the PDF's pages 2 and 3…
    here = capsys.readouterr().out.splitlines()
    assert cli_main([*check, str(tmp_path / "in"), "--dask", lc.scheduler_address]) == 1   # …so does --dask
    there = capsys.readouterr().out.splitlines()
    assert here and comparable(there) == comparable(here)
    assert {json.loads(ln)["path"] for ln in there} == {f"{pdf}#2", f"{pdf}#3"}
    assert {json.loads(ln)["message"] for ln in there if json.loads(ln)["rule"] == "spaced-number"} == {
        "Space inside a number: “2 . 5” → “2.5”", "Space inside a number: “3 . 5” → “3.5”"}


def test_an_output_that_is_a_page_and_changes_are_refused_in_one_line(tmp_path, mixed, cluster, capsys):
    lc, _client = cluster
    before = {p.name: p.read_bytes() for p in mixed.iterdir()}
    assert export(mixed, "-o", mixed, "--format", "text", "--dask", lc.scheduler_address) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "refused" in err[0] and "a.txt" in err[0]
    assert {p.name: p.read_bytes() for p in mixed.iterdir()} == before
    assert export(mixed, "-o", tmp_path / "out", "--changes", tmp_path / "c.txt", "--dask", lc.scheduler_address) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--changes" in err[0] and not (tmp_path / "out").exists()
