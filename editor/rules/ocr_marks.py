"""OCR's punctuation: brackets of two kinds paired, the byline box read as 口, stray quotes."""
from __future__ import annotations
