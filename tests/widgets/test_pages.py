"""PDF and OCR pages in the window: the page image beside the text, synced three ways
(click on the image selects the line and block; F8 scrolls the image to the flag; the
selected block is outlined), low OCR confidence tinted, and a folder of pages with its page
list, Ctrl+PgDown / Ctrl+PgUp, an undo stack a page, save and export of all pages."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QMessageBox, QPushButton

from editor.model import BlockKind
from tests.editor.readers import newskit
from tests.widgets.conftest import make_window


def open_and_wait(window, qtbot, path, image=True):
    window.open_path(path)
    qtbot.waitUntil(lambda: window.document.flags_ready, timeout=20000)
    view = window.pages.view
    if image:
        qtbot.waitUntil(lambda: view.image is not None or bool(view.problem), timeout=20000)
    return view


def draw_scan(path, width=1500, height=1200):
    """A page image drawn with Qt: grey bars where the text lines stand."""
    picture = QImage(width, height, QImage.Format.Format_RGB32)
    picture.fill(QColor("white"))
    painter = QPainter(picture)
    for y in range(100, 900, 60):
        painter.fillRect(QRect(100, y, 1200, 30), QColor("#888888"))
    painter.end()
    assert picture.save(str(path))
    return path


@pytest.fixture
def pdf_window(qtbot, settings, translations, tmp_path):
    window = make_window(qtbot, settings, translations)
    pdf = newskit.news_pdf(tmp_path / "page.pdf")
    return window, open_and_wait(window, qtbot, pdf)


def click_on_block(qtbot, view, block):
    box = view.geometry.block_boxes(block)[0]
    point = view.view.mapFromScene(QPointF((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2))
    qtbot.mouseClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_a_pdf_opens_with_its_page_image_beside_the_text(pdf_window):
    window, view = pdf_window
    assert window.pages.view_dock.isVisible() and view.image is not None and not view.problem
    # drawn from the PDF: 2000 px wide for a page 595 pt wide, mostly white with dark text
    assert view.image.width() == 2000 and abs(view.image.height() / view.image.width() - 842 / 595) < 0.01
    assert view.image.pixelColor(1000, 1500).lightness() > 240
    assert "城市书房" in window.raw_view.toPlainText()


def test_click_on_the_image_selects_the_line_and_the_block(pdf_window, qtbot):
    window, view = pdf_window
    page = window.document.page
    second = [b for _a, b in page.blocks() if b.kind == BlockKind.PARAGRAPH][1]
    click_on_block(qtbot, view, second)
    qtbot.waitUntil(lambda: window.tree.selected_block_id() == second.id, timeout=5000)
    assert window.raw_view.current_line() == second.spans[0].line
    assert window.block_editor.block_id() == second.id
    # the selected block is outlined, where its text stands
    outlines = view.marked("block")
    boxes = view.geometry.block_boxes(second)
    assert len(outlines) == len(boxes) == 2  # one a line of the block
    assert all(o.contains(QPointF((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2)) for o, b in zip(outlines, boxes))


def test_f8_scrolls_the_image_to_the_flag(pdf_window, qtbot):
    window, view = pdf_window
    view.zoom(8)
    bar = view.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    view.view.horizontalScrollBar().setValue(view.view.horizontalScrollBar().maximum())
    flag = window.document.flags[0]
    box = view.geometry.flag_boxes(flag)[0]
    centre = QPointF((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)
    shown = lambda: view.view.mapToScene(view.view.viewport().rect()).boundingRect()  # noqa: E731
    assert not shown().contains(centre)
    qtbot.keyClick(window.raw_view, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: shown().contains(centre), timeout=5000)
    assert bar.value() < bar.maximum() and view.marked("flag")


@pytest.fixture
def ocr_files(tmp_path):
    folder = tmp_path / "day"
    folder.mkdir()
    draw_scan(folder / "scan.png")
    path = folder / "scan.hocr"
    path.write_text(newskit.hocr_page(image="scan.png"), encoding="utf-8")
    return path


def test_an_hocr_page_shows_its_scan_with_unsure_words_tinted(qtbot, settings, translations, ocr_files):
    window = make_window(qtbot, settings, translations)
    view = open_and_wait(window, qtbot, ocr_files)
    assert view.image is not None and (view.image.width(), view.image.height()) == (1500, 1200)
    tinted = [item for item in view.scene.items() if item.data(0) == "low_confidence"]
    assert len(tinted) == 1
    word = tinted[0].rect()
    headline = next(b for _a, b in window.document.page.blocks() if b.kind == BlockKind.HEADLINE)
    click_on_block(qtbot, view, headline)
    qtbot.waitUntil(lambda: window.tree.selected_block_id() == headline.id, timeout=5000)
    # the tinted word is 书房 on the first paragraph's line
    paragraph = next(b for _a, b in window.document.page.blocks() if "书房二十" in b.text)
    line = view.geometry.block_boxes(paragraph)[0]
    assert line.x0 <= word.center().x() <= line.x1 and line.y0 <= word.center().y() <= line.y1


def test_a_missing_scan_keeps_the_text_and_says_why(qtbot, settings, translations, tmp_path):
    path = tmp_path / "lost.hocr"
    path.write_text(newskit.hocr_page(image="gone.png"), encoding="utf-8")
    window = make_window(qtbot, settings, translations)
    view = open_and_wait(window, qtbot, path)
    assert view.image is None and "gone.png" in view.note.text() and view.note.isVisible()
    assert window.document.page.stories and "城市书房" in window.raw_view.toPlainText()
    headline = next(b for _a, b in window.document.page.blocks() if b.kind == BlockKind.HEADLINE)
    click_on_block(qtbot, view, headline)  # the outline still answers clicks
    qtbot.waitUntil(lambda: window.tree.selected_block_id() == headline.id, timeout=5000)


# --- a folder of pages -------------------------------------------------------------------

@pytest.fixture
def day(tmp_path, ocr_files):
    folder = ocr_files.parent
    newskit.news_pdf(folder / "paper.pdf", pages=2)
    return folder


def test_a_folder_is_one_project_with_a_page_list_and_keys(qtbot, settings, translations, day, tmp_path):
    window = make_window(qtbot, settings, translations)
    open_and_wait(window, qtbot, day, image=False)
    pages = window.pages
    assert pages.list_dock.isVisible() and pages.list.rowCount() == 3
    assert [pages.list.cell_text(r, 0) for r in range(3)] == ["paper.pdf #1", "paper.pdf #2", "scan.hocr"]
    qtbot.waitUntil(lambda: all(pages.list.cell_text(r, 1) != "–" for r in range(3)), timeout=20000)
    qtbot.keyClick(window.raw_view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.document.session.index == 1)
    assert "城市书房让阅读触手可及2" in window.raw_view.toPlainText()
    block = next(b for _a, b in window.document.page.blocks() if b.kind == BlockKind.PARAGRAPH)
    window.editing.commit_text(block.id, block.text + "（补）")
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1)
    assert [pages.list.cell_text(r, 3) for r in range(3)] == ["", "●", ""]
    qtbot.keyClick(window.raw_view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.document.session.index == 0)
    assert window.undo_stack.count() == 0 and "（补）" not in window.raw_view.toPlainText()
    assert window.isWindowModified()
    dialog = window.files.export()  # one page's export is named after its page
    assert dialog.path.text().endswith("paper-p1.newsml.xml")
    dialog.close()
    # save all pages in one project, reopen it: the edit is on page 2
    saved = tmp_path / "day.jiaodui.json"
    assert window.files.save_to(str(saved))
    assert json.loads(saved.read_text(encoding="utf-8"))["version"] == 2 and not window.isWindowModified()
    window.open_path(saved)
    qtbot.waitUntil(lambda: len(window.document.session.pages) == 3 and window.document.flags_ready)
    assert "（补）" in window.document.session.pages[1].page.block(block.id).text


def test_export_all_pages_with_progress(qtbot, settings, translations, day, tmp_path, monkeypatch):
    window = make_window(qtbot, settings, translations)
    open_and_wait(window, qtbot, day, image=False)
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(window.pages, "ask_export_folder", lambda: str(out))
    assert window.pages.export_all() == 3
    assert sorted(p.name for p in out.iterdir()) == ["paper-p1.xml", "paper-p2.xml", "scan.xml"]
    assert "Exported 3 of 3" in window.statusBar().currentMessage()


def test_a_file_that_is_not_what_it_seems_can_be_opened_as_text(qtbot, settings, translations, tmp_path):
    note = tmp_path / "note.xml"
    note.write_text('<?xml version="1.0"?>\n<note>本报讯　全市新建城市书房二十座。</note>\n', encoding="utf-8")
    window = make_window(qtbot, settings, translations)
    window.open_path(note)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "open_error") is not None, timeout=10000)
    button = window.findChild(QMessageBox, "open_error").findChild(QPushButton, "open_as_page")
    button.click()
    qtbot.waitUntil(lambda: window.document.page is not None, timeout=10000)
    assert "全市新建城市书房" in window.raw_view.toPlainText()
