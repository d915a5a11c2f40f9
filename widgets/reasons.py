"""Why the parser read a block's lines as it did (``Block.why``, editor/parser.py), in the
proofreader's words: the article tree's tooltip on a block."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_REASONS = {
    "heading": QT_TRANSLATE_NOOP(
        "ArticleTreeModel", "Read as a headline: a short run of lines that do not read as running "
        "text, with an article's opening, an indented paragraph or a blank line after it"),
    "heading over a dateline after a column break": QT_TRANSLATE_NOOP(
        "ArticleTreeModel", "Read as a headline: after a column break, with a dateline or byline "
        "right under it"),
    "a headline of a row set on one line": QT_TRANSLATE_NOOP(
        "ArticleTreeModel", "Read as a headline: cut from a line that held the headlines of a row "
        "of articles side by side, and given to the text that holds its words"),
    "a headline of a row read among another's titles": QT_TRANSLATE_NOOP(
        "ArticleTreeModel", "Read as a headline: cut from among another article's titles, and "
        "given to the text that holds its words"),
    "a headline's piece read inside a column": QT_TRANSLATE_NOOP(
        "ArticleTreeModel", "Part of a headline the OCR read inside a column of text, joined back "
        "to its headline"),
    "heading printed amid another article's sentence": QT_TRANSLATE_NOOP(
        "ArticleTreeModel", "Read as a headline: printed in the middle of another article's "
        "sentence, which goes on after it; given to the text that holds its words"),
    "column top after a paragraph broke off": QT_TRANSLATE_NOOP(
        "ArticleTreeModel", "Read as a column's top: it goes on with a paragraph that broke off "
        "unfinished where another article began"),
    "byline": QT_TRANSLATE_NOOP("ArticleTreeModel", "Read as a byline: a reporter's role and names"),
    "names": QT_TRANSLATE_NOOP("ArticleTreeModel", "Read as a byline: names standing alone by the text"),
    "dateline": QT_TRANSLATE_NOOP(
        "ArticleTreeModel", "Cut from the paragraph's start: a dateline (the place and date of the report)"),
    "credit": QT_TRANSLATE_NOOP("ArticleTreeModel", "Cut from the paragraph: a credit in brackets"),
    "first line apart": QT_TRANSLATE_NOOP(
        "ArticleTreeModel", "Read as a paragraph's first line that the OCR set apart"),
    "label": QT_TRANSLATE_NOOP(
        "ArticleTreeModel", "Read as an intertitle: a short label between finished paragraphs"),
    "intertitle": QT_TRANSLATE_NOOP(
        "ArticleTreeModel", "Read as an intertitle: a numbered or marked label inside the text"),
    "furniture": QT_TRANSLATE_NOOP(
        "ArticleTreeModel", "Read as page furniture: masthead, date, section, page number or editors' line"),
    "ornament": QT_TRANSLATE_NOOP("ArticleTreeModel", "A mark standing alone: kept, for you to place"),
    "addendum": QT_TRANSLATE_NOOP(
        "ArticleTreeModel", "Kept in the text: a bracketed note after the article's own byline"),
}


def reason_text(why: str) -> str:
    """Why the parser read a block's lines as they are, in words ("" when not known); a
    reason of several (``heading; a headline's piece read inside a column``: a headline
    that pieces joined) gives each known one, a line each."""
    sources = [_REASONS[part] for part in why.split("; ") if part in _REASONS]
    return "\n".join(QCoreApplication.translate("ArticleTreeModel", source) for source in sources)
