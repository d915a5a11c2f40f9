"""Why a line became a headline (issue 12): the tree's tooltip on a block says it, in the
window's language."""
from __future__ import annotations

from PySide6.QtCore import Qt

from editor.model import BlockKind
from tests.widgets.helpers import real_window
from widgets.article_tree import BLOCK_ID_ROLE, reason_text

PAGE = ("城市书房让阅读触手可及\n\n□ 本报记者 周敏\n\n"
        "　　本报杭州5月6日电　全市已建成城市书房四十家，全天开放，市民十分满意。\n"
        "　　负责人表示，下一步将推出线上预约服务，让更多市民走进书房。\n")


def tooltips(window):
    """Block kind → the tooltip of its row in the tree."""
    model, page = window.tree.tree_model(), window.document.page
    out = {}
    for r in range(model.rowCount()):
        article = model.index(r, 0)
        for c in range(model.rowCount(article)):
            index = model.index(c, 0, article)
            block = page.block(model.data(index, BLOCK_ID_ROLE))
            out.setdefault(block.kind, model.data(index, Qt.ItemDataRole.ToolTipRole))
    return out


def test_a_headlines_tooltip_says_why_it_is_a_headline(qtbot, settings, translations, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    window = real_window(qtbot, settings, translations, path=page)
    tips = tooltips(window)
    assert reason_text("heading") and reason_text("heading") in tips[BlockKind.HEADLINE]
    assert reason_text("byline") in tips[BlockKind.BYLINE]
    assert reason_text("dateline") in tips[BlockKind.DATELINE]
    assert not any(reason_text(w) in tips[BlockKind.PARAGRAPH] for w in ("heading", "byline", "dateline"))


def test_the_reasons_come_back_with_a_saved_project(qtbot, settings, translations, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    window = real_window(qtbot, settings, translations, path=page)
    project = tmp_path / "page.jiaodui.json"
    assert window.files.save_to(str(project))
    again = real_window(qtbot, settings, translations, path=project)
    assert reason_text("heading") in tooltips(again)[BlockKind.HEADLINE]


def test_a_headline_joined_from_pieces_says_both_reasons():
    """The OCR reader joins a headline's pieces and records both reasons (``a; b``): the
    tooltip says each, not nothing."""
    joined = reason_text("heading; a headline's piece read inside a column")
    assert reason_text("heading") in joined
    assert reason_text("a headline's piece read inside a column") in joined
    assert reason_text("a headline's piece read inside a column") != ""


def test_the_reasons_the_pdftotext_reading_gives_are_told():
    for why in ("heading printed amid another article's sentence",
                "a headline of a row read among another's titles",
                "column top after a paragraph broke off"):
        assert reason_text(why), why
