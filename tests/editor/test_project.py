"""Project files: save, reopen as left; damaged or foreign files refused clearly."""
import json

import pytest

from editor import edits
from editor.errors import InputError
from editor.loader import load_path
from editor.parser import parse_bytes
from editor.project import Project, load_project, save_project


@pytest.fixture
def project(sample_bytes, sample_path):
    page = parse_bytes(sample_bytes, source=str(sample_path))
    return Project(page, raw_path=str(sample_path))


def test_save_and_reopen_keeps_everything(project, tmp_path):
    page = project.page
    block = page.articles[1].blocks[1]
    edits.SetText(block.id, block.text.replace("7 . 8", "7.8")).apply(page)
    edits.SetReviewed(page.articles[0].id, True).apply(page)
    project.ignored_flags.add("space.cjk@108:1")
    project.ignored_rules.add("structure.no_final_punct")
    path = tmp_path / "page.jiaodui.json"
    save_project(project, path)
    again = load_project(path)
    assert again.page.to_json() == page.to_json()
    assert again.ignored_flags == project.ignored_flags
    assert again.ignored_rules == project.ignored_rules
    assert again.page.articles[0].reviewed
    assert again.page.block(block.id).edited
    assert again.raw_page_changed() is False


def test_loader_opens_a_project_by_content(project, tmp_path):
    path = tmp_path / "anything.txt"
    save_project(project, path)
    assert load_path(path).to_json() == project.page.to_json()


def test_raw_page_changed_on_disk_is_detected(sample_bytes, tmp_path):
    raw = tmp_path / "page.txt"
    raw.write_bytes(sample_bytes)
    project = Project(parse_bytes(sample_bytes, source=str(raw)), raw_path=str(raw))
    assert project.raw_page_changed() is False
    raw.write_bytes(sample_bytes + "新增一行。\n".encode())
    assert project.raw_page_changed() is True
    raw.unlink()
    assert project.raw_page_changed() is None


def test_truncated_project_refused(project, tmp_path):
    path = tmp_path / "p.json"
    save_project(project, path)
    path.write_bytes(path.read_bytes()[:5000])
    with pytest.raises(InputError, match="truncated"):
        load_project(path)


def test_future_version_refused(project, tmp_path):
    data = project.to_json()
    data["version"] = 99
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match="newer"):
        load_project(path)


@pytest.mark.parametrize("damage", [
    lambda d: d["page"].pop("raw_text"),
    lambda d: d["page"]["articles"][0]["blocks"][0].update(kind="poem"),
    lambda d: d["page"]["articles"][0]["blocks"][0].update(spans=[[9999, 0, 3]]),
    lambda d: d["page"]["articles"][0]["blocks"][0].update(text=42),
    lambda d: d["page"]["articles"][0].pop("id"),
])
def test_hand_edited_project_refused(project, tmp_path, damage):
    data = project.to_json()
    damage(data)
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match="damaged|not a page|project"):
        load_project(path)


def test_load_document_keeps_ignores_of_a_project(project, tmp_path):
    from editor.loader import load_document

    project.ignored_rules.add("spaced-number")
    path = tmp_path / "p.jiaodui"
    save_project(project, path)
    again = load_document(path)
    assert again.ignored_rules == {"spaced-number"}
    raw = load_document(project.raw_path)
    assert raw.ignored_rules == set() and raw.raw_path == project.raw_path


def test_blocks_made_after_opening_a_project_get_fresh_ids(project):
    """A project saved in another session holds ids this process would hand out next."""
    from editor import edits
    from editor.model import Page, new_id

    upcoming = int(new_id("x")[1:]) + 1  # the numbers this process gives next
    data = project.page.to_json()
    n = upcoming
    for article in data["articles"]:
        article["id"] = f"a{n}"
        n += 1
        for block in article["blocks"]:
            block["id"] = f"b{n}"
            n += 1
    page = Page.from_json(data)
    taken = {b.id for _a, b in page.blocks()} | {a.id for a in page.articles}
    new = edits.NewArticle(0)
    new.apply(page)
    split = edits.SplitBlock(page.articles[1].blocks[1].id, 3)
    split.apply(page)
    assert new.new_id not in taken and split.new_id not in taken
    ids = [b.id for _a, b in page.blocks()]
    assert len(set(ids)) == len(ids)
