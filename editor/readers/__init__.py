"""Readers of laid-out files: PDF with a text layer, hOCR, ALTO and PAGE XML → SourcePage.

Each reader turns its file into the one shape of :mod:`editor.source` (lines with their
boxes, sizes, weights, words and confidence) and hands the lines to :mod:`.order`, which
puts them in the order a reader reads the page. Nothing here knows about articles: the
parser decides structure from the SourcePage.
"""
from editor.readers.alto import read_alto
from editor.readers.hocr import read_hocr
from editor.readers.pagexml import read_pagexml
from editor.readers.pdf import PdfFile, open_pdf, read_pdf

__all__ = ["PdfFile", "open_pdf", "read_pdf", "read_hocr", "read_alto", "read_pagexml"]
