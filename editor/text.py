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


#: Unicode White_Space (what counts as a space in a page). Not Python's ``str.isspace``,
#: which also takes the separators U+001C–U+001F: those are control characters that the
#: page keeps (and the rules flag), never layout to strip.
WHITESPACE = frozenset("\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
                       "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_WS = "".join(sorted(WHITESPACE))


def is_space(ch: str) -> bool:
    return ch in WHITESPACE


def strip(text: str) -> str:
    return text.strip(_WS)


def lstrip(text: str) -> str:
    return text.lstrip(_WS)


def rstrip(text: str) -> str:
    return text.rstrip(_WS)


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
        elif ch in WHITESPACE:
            width += 1
        else:
            break
    return width


_PAIRS = {"（": "）", "(": ")", "《": "》", "“": "”", "‘": "’", "「": "」", "『": "』", "〈": "〉", "【": "】"}
_CLOSING = {v: k for k, v in _PAIRS.items()}
#: The marks that close a bracket or a quote.
CLOSING_MARKS = frozenset(_CLOSING)


_SAME = {"(": "（", ")": "）"}  # OCR and noisy text mix half- and full-width brackets


def open_pairs(text: str) -> bool:
    """Does ``text`` leave a bracket or quote open (``联盟以“打造``)?"""
    stack: list[str] = []
    for ch in text:
        ch = _SAME.get(ch, ch)
        if ch in _PAIRS:
            stack.append(ch)
        elif ch in _CLOSING and stack and stack[-1] == _CLOSING[ch]:
            stack.pop()
    return bool(stack)


# --- page furniture and picture notes ---------------------------------------------------

_FURNITURE = re.compile(
    r"^(?:(?:本版)?(?:责任编辑|本版编辑|美术编辑|美编|责编|编辑|校对|版式设计|版式|组版|制图|邮箱|电话|热线|"
    r"数据来源|资料来源|图片来源)\s*[:：]"
    r"|本版(?:责编|编辑|邮箱|统筹|制图)[\s\u3000]"
    r"|\d{4}年\d{1,2}月\d{1,2}日[\s\u3000“”\"'|·]*(?:星期|周)[一二三四五六日天]\s*$"
    r"|第\s*\d+\s*版\s*$|[A-Z]?\d{1,3}\s*$"
    # a page label: "A3　要闻", "第3版 综合"
    r"|(?:[A-Z]\d{1,2}|第\s*\d+\s*版)[\s\u3000]+[\u4e00-\u9fff·]{2,8}\s*$"
    # the rest of an editors' line that OCR set on a line of its own: the last editors'
    # names, then "版式设计：…" (OCR reads the gaps between names as quotes, "：" as ";")
    r"|(?:[\u4e00-\u9fff]{2,4}[\s\u3000“”\"'|·]+){1,3}(?:版式设计|美术编辑|美编|校对|制图)\s*[:：;；])")
#: A jump line: "（下转第二版）", "（上接第1版）", "转A2版".
_JUMP = re.compile(r"^[（(]?(?:下转|上接|接|转)第?\s*[A-Z]?[\d一二三四五六七八九十]{1,3}\s*版[）)]?$")
#: What a page's top band holds besides dates and page labels: the masthead and the
#: section (要闻, 国际, 文化遗产, 记者调查 …).
_MASTHEAD = re.compile(r"^[\u4e00-\u9fff]{1,6}(?:日报|晚报|早报|时报|商报|周报|导报|快报|法治报|青年报|科技报|经济报)$")
SECTIONS = frozenset(
    "要闻 国内 国际 综合 社会 经济 财经 体育 文化 文教 教育 科技 科教 卫生 健康 生态 环境 农业 三农 "
    "法治 政法 政治 时政 评论 观点 理论 副刊 大地 读书 文艺 文旅 旅游 民生 地方 区域 城市 专版 专题 "
    "视点 视界 关注 特别报道 记者调查 调查 人物 文化遗产 产经 金融 市场 产业 新闻 本地 都市 国防 军事 "
    "海外 港澳 台湾 侨务 民族 宗教 党建 纪检 监督 读者来信 来信 图片 摄影 广告 公告 天气".split())


def is_top_furniture(text: str) -> bool:
    """The page's top band: masthead (``人民日报``) or section (``要闻``, ``要 闻``)."""
    core = re.sub(r"[\s\u3000“”\"'|·•]", "", text)  # OCR reads the ornaments between items as marks
    core = re.sub(r"(?:第\d{1,3}版|[A-Z]?\d{1,3})$", "", core) or core  # "人民日报 9"
    return bool(_MASTHEAD.match(core)) or core in SECTIONS


def is_furniture(text: str) -> bool:
    """Page furniture (dates, editors, page labels) or a jump line: part of no article's text.
    OCR's stray spaces inside (``2026年6 月12日``) do not hide it."""
    if _FURNITURE.match(text) or _JUMP.match(text):
        return True
    squeezed = re.sub(r"(?<=[\d年月日版])[ \u3000]+(?=[\d年月日第版])", "", text)
    return squeezed != text and bool(_FURNITURE.match(squeezed))


#: A picture note: "图为……" or one ending in a photo credit "本报记者 王刚 摄".
CAPTION_START = re.compile(r"^[（(]?(?:图为|图：|图:|上图|下图|左图|右图|▲|△)")
_PHOTO_CREDIT = re.compile(r"(?:记者|通讯员|摄影)?[\s\u3000]*[\u4e00-\u9fff·]{2,4}[\s\u3000]*摄(?:影)?[)）]?"
                           r"(?:[（(][\u4e00-\u9fff]{2,8}[）)])?$")
#: How much of a line's end a photo credit is looked for in: a credit is short, and a
#: search over a whole long line of spaces tried every start (a 1 MB line took 20 s).
_CREDIT_TAIL = 64


def credit_at_end(text: str) -> bool:
    """Does ``text`` end with a photo credit (``记者 张三 摄``, ``李四摄（新华社）``)?"""
    return _PHOTO_CREDIT.search(text[-_CREDIT_TAIL:]) is not None


def is_caption(text: str) -> bool:
    return bool(CAPTION_START.match(text) or credit_at_end(text))


def ends_unit(text: str) -> bool:
    """Does this line end what came before (a sentence, or a picture note's credit)?"""
    return is_terminal(text) or credit_at_end(text)


#: Characters of context each side of a change in a preview.
CONTEXT = 18


def changed_part(before: str, after: str, context: int = CONTEXT) -> tuple[str, str]:
    """The stretch of two texts around where they differ, with a little context (for
    previews: "…三级林长制…" → "…三级林长责任制…"); line breaks shown as ⏎."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end_b, end_a = len(before), len(after)
    while end_b > start and end_a > start and before[end_b - 1] == after[end_a - 1]:
        end_b, end_a = end_b - 1, end_a - 1
    lo = max(0, start - context)

    def cut(text: str, end: int) -> str:
        part = text[lo:end + context]
        part = ("…" if lo else "") + part + ("…" if end + context < len(text) else "")
        return part.replace("\n", "⏎")
    return cut(before, end_b), cut(after, end_a)


def around(text: str, offset: int, mark: str = "", context: int = CONTEXT) -> str:
    """``text`` near ``offset`` with ``mark`` put in at it ("…的企业¦全市工业…")."""
    lo, hi = max(0, offset - context), min(len(text), offset + context)
    return (("…" if lo else "") + text[lo:offset] + mark + text[offset:hi]
            + ("…" if hi < len(text) else "")).replace("\n", "⏎")
