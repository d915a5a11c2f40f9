"""Facts about Chinese text that the parser, the rules and the exporters share.

Sentence ends, closing marks, display width as set in type, indents, the Han character
class, page furniture and picture notes. No page structure here: this module knows text,
not pages, so anything may import it.
"""
from __future__ import annotations

import re
import unicodedata

#: Ends a sentence; closing quotes and brackets may follow.
TERMINALS = "。！？!?…"
CLOSERS = "”’」』）)》】\"'"
_TERMINAL_RE = re.compile(f"[{re.escape(TERMINALS)}][{re.escape(CLOSERS)}]*$")

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RE = re.compile(f"[{HAN}]")
#: Full-width punctuation of Chinese text (quotes, brackets, marks, dashes, ellipsis).
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕…—·～"


def is_han(ch: str) -> bool:
    return bool(ch) and bool(HAN_RE.match(ch))


def is_terminal(text: str) -> bool:
    """Does ``text`` end a sentence (``。``, ``！``, ``？``, ``…``, maybe followed by ``”``)?"""
    if not text:
        return False
    last = text[-1]
    if last in TERMINALS:
        return True
    return last in CLOSERS and bool(_TERMINAL_RE.search(text))


#: Marks of ambiguous width that Chinese type sets full width.
_WIDE_MARKS = frozenset("“”‘’…—·")


def cells(text: str) -> int:
    """Display width as set in Chinese type: CJK and full-width characters, and the quotes,
    dashes and dots of Chinese text, take two cells; digits and Latin letters one."""
    return sum(2 if ch in _WIDE_MARKS or unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def indent_cells(line: str) -> int:
    """The width of a line's leading whitespace, in cells (a tab counts four)."""
    width = 0
    for ch in line:
        if ch == "\t":
            width += 4
        elif ch == "\u3000":
            width += 2
        elif ch.isspace():
            width += 1
        else:
            break
    return width


# --- page furniture and picture notes ---------------------------------------------------

_FURNITURE = re.compile(
    r"^(?:(?:本版)?(?:责任编辑|本版编辑|美术编辑|美编|责编|编辑|校对|版式设计|版式|组版|制图|邮箱|电话|热线)\s*[:：]"
    r"|\d{4}年\d{1,2}月\d{1,2}日\s*(?:星期|周)[一二三四五六日天]"
    r"|第\s*\d+\s*版\s*$|[A-Z]\d{1,2}\s*$"
    # a page label: "A3　要闻", "第3版 综合"
    r"|(?:[A-Z]\d{1,2}|第\s*\d+\s*版)[\s\u3000]+[\u4e00-\u9fff·]{2,8}\s*$)")
#: A jump line: "（下转第二版）", "（上接第1版）", "转A2版".
_JUMP = re.compile(r"^[（(]?(?:下转|上接|接|转)第?\s*[A-Z]?[\d一二三四五六七八九十]{1,3}\s*版[）)]?$")


def is_furniture(text: str) -> bool:
    """Page furniture (dates, editors, page labels) or a jump line: part of no article's text."""
    return bool(_FURNITURE.match(text) or _JUMP.match(text))


#: A picture note: "图为……" or one ending in a photo credit "本报记者 王刚 摄".
CAPTION_START = re.compile(r"^[（(]?(?:图为|图：|图:|上图|下图|左图|右图|▲|△)")
PHOTO_CREDIT = re.compile(r"(?:记者|通讯员|摄影)?[\s\u3000]*[\u4e00-\u9fff·]{2,4}[\s\u3000]*摄(?:影)?[)）]?$")


def is_caption(text: str) -> bool:
    return bool(CAPTION_START.match(text) or PHOTO_CREDIT.search(text))


def ends_unit(text: str) -> bool:
    """Does this line end what came before (a sentence, or a picture note's credit)?"""
    return is_terminal(text) or bool(PHOTO_CREDIT.search(text))
