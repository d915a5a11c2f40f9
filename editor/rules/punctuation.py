"""Punctuation rules: dashes, quotes and brackets, half-width marks, full-width letters,
ellipses, and doubled characters.

OCR output (Tesseract's ``chi_sim``) sets half-width ``: ; ? !`` with a space after them
against Chinese text, reads ``——`` as ``一一`` and doubles characters: the half-width,
dash and doubled-character rules take those in. Brackets of mixed kinds, the byline box
and stray quotes are in :mod:`.ocr_marks`.
"""
from __future__ import annotations

import re
import unicodedata

from .. import words
from ..model import BlockKind
from .common import CJK, CJK_PUNCT, HAN, Ctx, Fix, Place, is_han, join_raw_span, live_joins
from .names import SURNAMES
from .ocr_marks import absorbed_spaces as ocr_absorbed_spaces
from .ocr_marks import bracket_pairs
from .registry import checker

_TEXT_KINDS = (BlockKind.PARAGRAPH, BlockKind.INTERTITLE, BlockKind.CAPTION, BlockKind.KICKER, BlockKind.HEADLINE,
               BlockKind.SUBTITLE, BlockKind.UNASSIGNED)

_DASH_RUN = re.compile("—{3,}")
#: Hyphens standing for a dash between Chinese characters (``--``, ``－－``). A lone ``—``
#: is not one: it is the connecting dash of Chinese type (``弗留利—威尼斯朱利亚``, ``2—5年``).
_HYPHEN_DASH = re.compile(f"(?<=[{HAN}])(?:--|－－)(?=[{HAN}“‘])")
#: A half-width mark after Chinese text, perhaps with OCR's spaces around it, before more
#: Chinese text, a digit, a quote or the end: ``通明; 滨海`` → ``通明；滨海``.
_HALF = re.compile(f"(?<=[{CJK}%])[ \u3000]?([,;:?!])[,;:]?(?:[ \u3000]+(?=[{CJK}0-9\"])|(?=[{CJK}0-9\"]|$))")
#: ``.`` ``'`` or a backquote between Chinese characters: the middle dot of a name (斯蒂芬·菲耶塔)
#: or a title (《唐律疏议·卫禁》).
_HALF_DOT = re.compile(f"(?<=[{HAN}])[.'`](?=[{HAN}])")
#: OCR's ``-`` for a closing quote: ``所谓“仲裁庭-，``.
_DASH_QUOTE = re.compile(f"(?<=[{HAN}])-(?=[{re.escape(CJK_PUNCT)}]|$)")
#: ``一`` between digits is a dash: ``2019一2030`` → ``2019—2030``.
_DIGIT_YI = re.compile("(?:(?<=[0-9])|(?<=[0-9][日月年号时点]))一(?=[0-9])")  # 3一5, 11日一23日
#: Terms chained by ``一`` (OCR's ``—``): ``招生一培养一就业``.
_NOT_YI = "\u3400-\u4dbf\u4e01-\u9fff\uf900-\ufaff"
_YI_CHAIN = re.compile(f"[{_NOT_YI}]{{2,8}}(?:一[{_NOT_YI}]{{2,8}}){{2,}}")
#: A chain of one-character terms, all that a pair of quotes holds: ``“光一热一电”``.
_YI_SHORT_CHAIN = re.compile(f"(?<=[“\"])[{_NOT_YI}](?:一[{_NOT_YI}]){{2,}}(?=[”\"])")
#: A half-width double quote next to Chinese text.
_HALF_QUOTE = re.compile(f'(?<=[{CJK}])"|"(?=[{HAN}])')
#: ``一一`` read for ``——`` between Chinese text (or opening a subtitle: ``一一访……``).
_OCR_DASH = re.compile(f"(?:(?<=[{CJK}])|^)(?<!一)一一(?!一)(?=[{HAN}“‘《])")
_FULL_ALNUM = re.compile("[０-９Ａ-Ｚａ-ｚ]+")
_ELLIPSIS = re.compile(f"。{{3,}}|(?<=[{CJK}])\\.{{3,}}|\\.{{3,}}(?=[{CJK}])|…{{3,}}|(?<!…)…(?!…)")
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}

#: Opening → closing marks; half-width brackets pair with full-width ones (OCR mixes them).
_PAIRS = {"“": "”", "‘": "’", "（": "）", "(": "）", "《": "》", "【": "】", "「": "」", "『": "』", "〔": "〕"}
_CLOSE = {"”": "“", "’": "‘", "）": "（", ")": "（", "》": "《", "】": "【", "」": "「", "』": "『", "〕": "〔"}
_NORMAL_OPEN = {"(": "（"}
_PAIR_MARKS = re.compile("[" + re.escape("".join(_PAIRS) + "".join(_CLOSE)) + "]")
#: Words so common that doubling them across a line break is almost surely a slip.
_FUNCTION_CHARS = set("的了是在和与我也就都对把被将从向为有这那")


@checker("dash-run", "halfwidth-punctuation", "fullwidth-alnum", "ellipsis", "unbalanced-pair", kinds=_TEXT_KINDS,
         furniture=True)
def marks(ctx: Ctx, place: Place):
    block = place.block
    text = block.text
    for m in _DASH_RUN.finditer(text):
        yield ctx.flag("dash-run", block, m.start(), m.end() - m.start(),
                       f"破折号应为两个“—”：“{m.group()}”→“——”",
                       f"A Chinese dash is two em dashes: “{m.group()}” → “——”", Fix("replace", "——"), 0.9)
    for m in _HYPHEN_DASH.finditer(text):
        yield ctx.flag("dash-run", block, m.start(), m.end() - m.start(),
                       f"汉字间的破折号应为“——”：“{m.group()}”", f"Dash between Chinese characters should be “——”: “{m.group()}”",
                       Fix("replace", "——"), 0.6)
    for m in _HALF.finditer(text):
        mark = m.group(1)
        full = _HALF_TO_FULL[mark]
        spaced = m.end() - m.start() > 1
        yield ctx.flag("halfwidth-punctuation", block, m.start(), m.end() - m.start(),
                       f"中文里用了半角标点“{mark}”{'（带空格）' if spaced else ''}，应为“{full}”",
                       f"Half-width “{mark}”{' (with a space)' if spaced else ''} in Chinese text: use “{full}”",
                       Fix("replace", full), 0.85)
    for m in _HALF_DOT.finditer(text):
        yield ctx.flag("halfwidth-punctuation", block, m.start(), 1,
                       f"汉字间的“{m.group()}”应为间隔号“·”", f"“{m.group()}” between Chinese characters: use “·”",
                       Fix("replace", "·"), 0.75)
    for m in _DASH_QUOTE.finditer(text):
        if text.rfind("“", 0, m.start()) > text.rfind("”", 0, m.start()):
            yield ctx.flag("unbalanced-pair", block, m.start(), 1, "“-”多半是 OCR 认错的后引号“””",
                           "“-” is probably a closing quote “”” the OCR misread", Fix("replace", "”"), 0.7)
    for m in _DIGIT_YI.finditer(text):
        yield ctx.flag("dash-run", block, m.start(), 1, "数字间的“一”应为连接号“—”",
                       "“一” between digits is the dash “—”", Fix("replace", "—"), 0.8)
    for at in _chained_yi(text):
        yield ctx.flag("dash-run", block, at, 1, "词语间的“一”应为连接号“—”？",
                       "“一” between terms should be the dash “—”?", Fix("replace", "—"), 0.7)
    for m in _HALF_QUOTE.finditer(text):
        full = _quote_direction(text, m.start())
        yield ctx.flag("halfwidth-punctuation", block, m.start(), 1,
                       f"中文里用了半角引号“\"”，应为“{full}”",
                       f"Half-width “\"” in Chinese text: use “{full}”", Fix("replace", full), 0.8)
    for m in _OCR_DASH.finditer(text):
        if _real_yiyi(text, m.end()):
            continue
        yield ctx.flag("dash-run", block, m.start(), 2, "“一一”应为破折号“——”？",
                       "“一一” should be the dash “——”?", Fix("replace", "——"), 0.75)
    for m in _FULL_ALNUM.finditer(text):
        fixed = unicodedata.normalize("NFKC", m.group())
        yield ctx.flag("fullwidth-alnum", block, m.start(), m.end() - m.start(),
                       f"数字字母应用半角：“{m.group()}”→“{fixed}”",
                       f"Digits and letters are half-width: “{m.group()}” → “{fixed}”",
                       Fix("replace", fixed), 0.8)
    for m in _ELLIPSIS.finditer(text):
        yield ctx.flag("ellipsis", block, m.start(), m.end() - m.start(),
                       f"省略号应为“……”：“{m.group()}”", f"The Chinese ellipsis is “……”: “{m.group()}”",
                       Fix("replace", "……"), 0.6 if m.group() == "…" else 0.85)


@checker("nested-double-quotes", "unbalanced-pair", kinds=_TEXT_KINDS, reads=("next",))
def pairs(ctx: Ctx, place: Place):
    """Quotes and brackets within one paragraph: nesting and balance."""
    block = place.block
    text = block.text
    turned = _turned_quotes(text)
    seen = _as_read(text, turned)
    unclosed, nested, lonely = _match_pairs(seen)
    if unclosed and unclosed[0][0] == "“" and _continues_quote(place):
        unclosed = unclosed[1:]  # a quotation running on into the next paragraph
    lost = {}
    ocr = ctx.ocr_signs() >= 0.5  # a lost closing quote is an OCR mistake
    for opener, at, _nested in unclosed:
        gap = _lost_closer(text, at) if opener == "“" and ocr else None
        if gap is not None:
            lost[gap] = at
        else:
            lonely.append(at)
    outer_ok = not unclosed
    flips = {**_quote_flips(seen), **turned}
    if flips:
        nested = []  # one mark facing the wrong way, not a quotation inside a quotation
    elif ocr and text.count("“") != text.count("”"):
        nested = []  # OCR lost a closing quote: what looks nested is the next quotation
    merged = ctx.ocr_merged_lines()
    if merged:  # quotes on lines of several columns pair with marks in other columns
        lonely = [i for i in lonely if ctx.raw_span(block, i, 1)[0] not in merged]
        lost = {g: at for g, at in lost.items() if ctx.raw_span(block, g, 1)[0] not in merged}
    for gap in sorted(lost):
        yield ctx.flag("unbalanced-pair", block, gap, 1, "引号未闭合：此处的空格多半是 OCR 丢掉的后引号“””",
                       "Unclosed quote: this space is probably the closing “”” the OCR lost",
                       Fix("replace", "”"), 0.7)
    for start, end in nested:
        inner = text[start + 1:end]
        confidence = 0.9 if outer_ok else 0.5
        yield ctx.flag("nested-double-quotes", block, start, end + 1 - start,
                       f"双引号内的引语应用单引号：“{inner}”→‘{inner}’",
                       f"A quotation inside double quotes takes single quotes: “{inner}” → ‘{inner}’",
                       Fix("replace", f"‘{inner}’"), confidence)
    yield from _lonely_flags(ctx, block, sorted(set(lonely) | set(turned)), flips)


def _lonely_flags(ctx: Ctx, block, marks: list[int], flips: dict[int, str]):
    """unbalanced-pair's flags: a quote facing the wrong way gets turned, any other mark
    that pairs with nothing is shown."""
    text = block.text
    for i in marks:
        ch = text[i]
        kind_zh = "引号" if ch in "“”‘’" else "括号"
        kind_en = "quote" if ch in "“”‘’" else "bracket"
        flip = flips.get(i)
        if flip:
            yield ctx.flag("unbalanced-pair", block, i, 1, f"引号“{ch}”方向反了？应为“{flip}”",
                           f"Quote “{ch}” facing the wrong way? Use “{flip}”", Fix("replace", flip), 0.7)
            continue
        yield ctx.flag("unbalanced-pair", block, i, 1, f"{kind_zh}“{ch}”在本段中不配对",
                       f"Unbalanced {kind_en} “{ch}” in this paragraph", Fix("none"), 0.6)


def _match_pairs(text: str):
    """Quotes and brackets paired: (still open, quotations inside quotations, marks that
    close nothing or were left open inside a pair that closed)."""
    stack: list[tuple[str, int, bool]] = []  # (opening mark, offset, opened inside “…”)
    nested: list[tuple[int, int]] = []
    lonely: list[int] = []
    ocr = {i for start, end, close, _e in bracket_pairs(text) for i in (*range(start, end), close)}
    for m in _PAIR_MARKS.finditer(text):
        i, ch = m.start(), m.group()
        if i in ocr:
            continue  # OCR's brackets, paired by bracket-mismatch / halfwidth-punctuation
        if ch in _PAIRS:
            inside_double = any(s[0] == "“" for s in stack)
            stack.append((ch, i, ch == "“" and inside_double))
        elif ch in _CLOSE:
            want = _CLOSE[ch]
            k = len(stack) - 1
            while k >= 0 and _NORMAL_OPEN.get(stack[k][0], stack[k][0]) != want:
                k -= 1
            if k < 0:
                lonely.append(i)
                continue
            lonely.extend(s[1] for s in stack[k + 1:])
            _opener, start, is_nested = stack[k]
            del stack[k:]
            if is_nested:
                nested.append((start, i))
    return stack, nested, lonely


#: Where OCR lost a closing quote it often left a space: ``低碳转型的“新地标 。``.
_GAP_BEFORE_MARK = re.compile(f"(?<=[{HAN}])[ \u3000](?=[，。、；：？！,;:?!])")


def _lost_closer(text: str, opened: int) -> int | None:
    """For a ``“`` at ``opened`` that nothing closes: the offset of the space before a mark,
    after it and before any other quote, that stands where the ``”`` was; None if none."""
    nxt = min((k for k in (text.find("“", opened + 1), text.find("”", opened + 1)) if k >= 0), default=len(text))
    m = _GAP_BEFORE_MARK.search(text, opened + 1, nxt)
    return m.start() if m else None


def absorbed_spaces(text: str, ocr: bool = True) -> set[int]:
    """Offsets of the spaces that the OCR punctuation fixes take in: after a half-width mark
    (``通明; 滨海``), around OCR's brackets, where a closing quote was lost. The space
    rules leave them to those fixes."""
    out = {k for m in _HALF.finditer(text) for k in range(m.start(), m.end()) if text[k] in " \u3000"}
    out |= ocr_absorbed_spaces(text)
    for m in re.finditer("“", text) if ocr else ():
        if text.find("”", m.end()) < 0 or text.find("“", m.end()) < text.find("”", m.end()) and text.find("“", m.end()) >= 0:
            gap = _lost_closer(text, m.start())
            if gap is not None:
                out.add(gap)
    return out


_DOUBLE_QUOTES = re.compile("[“”]")


#: ``“`` closing a quotation (after Chinese text or a closing mark, before a mark that no
#: quotation opens with, or at the end): ``打造城市的“新名片“。`` → the second is ``”``.
_OPEN_CLOSING = re.compile(f"(?<=[{HAN}》）)0-9A-Za-z])“(?=[，。、；：？！,.;:?!）)]|$)")
#: ``”`` opening one: at the start, or after a colon, before Chinese text (after ``。`` or
#: ``，`` it closes a quotation: ``……。”他说``).
_CLOSE_OPENING = re.compile(f"(?:^|(?<=[：:]))”(?=[{HAN}])")


def _turned_quotes(text: str) -> dict[int, str]:
    """Double quotes facing the wrong way by where they stand (OCR confuses “ and ”): an
    opening one before ``。`` and the like, a closing one opening a clause."""
    out = {m.start(): "”" for m in _OPEN_CLOSING.finditer(text)}
    out.update((m.start(), "“") for m in _CLOSE_OPENING.finditer(text))
    return out


def _as_read(text: str, turned: dict[int, str]) -> str:
    """The text as the pairing reads it: quotes facing the wrong way turned, a half-width
    ``"`` (halfwidth-punctuation's) taken as the quote it stands for; same length."""
    if not turned and '"' not in text:
        return text
    chars = list(text)
    for i, ch in turned.items():
        chars[i] = ch
    for i, ch in enumerate(chars):
        if ch == '"':
            chars[i] = _quote_direction(text, i)
    return "".join(chars)


def _quote_flips(text: str) -> dict[int, str]:
    """Double quotes that pair once one of them faces the other way (OCR confuses “ and ”):
    ``的”融合……”`` → the first is “; ``“一哄而上“。`` → the second is ”. Only where turning
    exactly one mark makes every quote of the paragraph pair up."""
    marks = [(m.start(), m.group()) for m in _DOUBLE_QUOTES.finditer(text)]
    if len(marks) % 2:
        return {}
    wrong = [(i, ch) for k, (i, ch) in enumerate(marks) if ch != ("“" if k % 2 == 0 else "”")]
    if len(wrong) != 1:
        return {}
    i, ch = wrong[0]
    return {i: "”" if ch == "“" else "“"}


def _quote_direction(text: str, at: int) -> str:
    """Which way a half-width ``"`` at ``text[at]`` faces: opening before Chinese text that
    follows a space, mark or the start; closing after Chinese text; else by the quotes
    still open before it."""
    before = text[at - 1] if at else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    if is_han(after) and not is_han(before):
        return "“"
    if is_han(before) and not is_han(after):
        return "”"
    opened = sum(1 for c in text[:at] if c in "“\"") - sum(1 for c in text[:at] if c == "”")
    return "”" if opened % 2 else "“"


def _chained_yi(text: str) -> list[int]:
    """Offsets of the ``一`` that chain terms (``招生一培养一就业``): two or more links, each
    between characters that dictionary words take in and that no word takes in itself."""
    out = []
    for m in _YI_CHAIN.finditer(text):
        chain = m.group()
        cov = words.covered(chain.replace("一", "\x00"))
        links = [k for k, c in enumerate(chain) if c == "一" and cov[k - 1] and cov[k + 1]
                 and not words.covered(chain[k - 1:k + 2])[1]]
        if len(links) >= 2:
            out.extend(m.start() + k for k in links)
    for m in _YI_SHORT_CHAIN.finditer(text):  # all different, not every 一 in a word
        terms, cov = m.group()[::2], words.covered(m.group())
        if len(set(terms)) == len(terms) and not all(cov[1::2]):
            out.extend(range(m.start() + 1, m.end(), 2))
    return out


def _real_yiyi(text: str, end: int) -> bool:
    """Is the ``一一`` ending at ``end`` the word 一一 ("one by one": 一一列举, 一一核实), or
    two words meeting (唯一 / 一家)? It is when a verb follows it, or a word takes in
    either 一 with its other neighbour."""
    start = end - 2
    if start and words.is_word(text[start - 1] + "一") or words.is_word("一" + text[end:end + 1]):
        return True
    return any(words.is_verb(text[end:end + k]) for k in (1, 2, 3) if end + k <= len(text))


def _continues_quote(place: Place) -> bool:
    nxt = place.next
    return (place.block.kind == BlockKind.PARAGRAPH and nxt is not None
            and nxt.kind == BlockKind.PARAGRAPH and nxt.text.startswith("“"))


@checker("doubled-char", kinds=_TEXT_KINDS)
def doubled(ctx: Ctx, place: Place):
    """``的`` at a line end and ``的`` at the next line's start, joined into ``的的``; and a
    character doubled inside a line where the double is no word (``诗人人``, ``和和``) or
    tripled (``人人人``)."""
    block = place.block
    text = block.text
    at_joins = set()
    for join, off in live_joins(ctx, block):
        if off <= 0 or off >= len(text) or text[off - 1] != text[off]:
            continue
        at_joins.add(off)
        ch = text[off]
        if ch.isascii() or ch.isdigit() or ch in "—…·":
            continue
        if is_han(ch):
            if words.is_word(ch * 2) or _in_one_word(text, off):
                continue  # 妈妈, 常常, 的的确确: a real word
            confidence = 0.85 if ch in _FUNCTION_CHARS else 0.6
        else:
            confidence = 0.85
        yield ctx.flag("doubled-char", block, off - 1, 2,
                       f"接排处重复“{ch}{ch}”：删去一个？", f"“{ch}{ch}” doubled across a line break: drop one?",
                       Fix("replace", ch), confidence, join_raw_span(block, join))
    for m in _DOUBLE.finditer(text):
        start, end = m.span()
        ch = text[start]
        if any(start < off < end for off in at_joins):
            continue  # doubled across the line break: reported above
        if end - start == 2 and not _double_is_slip(text, start):
            continue
        if end - start >= 3 and (words.is_word(ch * 3) or end - start == 3 and words.is_word(ch * 2)
                                 and words.is_word(text[end - 1:end + 1])):
            continue  # 哈哈哈; 姥姥姥爷 (姥姥 and 姥爷)
        keep = ch * (end - start - 1)
        yield ctx.flag("doubled-char", block, start, end - start,
                       f"重复“{m.group()}”：删去一个“{ch}”？", f"“{m.group()}” doubled: drop one “{ch}”?",
                       Fix("replace", keep), 0.7 if end - start >= 3 else 0.6)


#: The same Chinese character two or more times in a row.
_DOUBLE = re.compile(f"([{HAN}])\\1+")


def _double_is_slip(text: str, start: int) -> bool:
    """Is ``text[start:start+2]`` (one character twice) a slip rather than two words
    meeting (中国 / 国家, 研究院 / 院长) or a reduplication (人人, 常常)? It is when the cut
    leaves the second one standing alone before a mark, after a word that ends with it
    (诗人 / 人、), or after itself as a function word that is never doubled (和 / 和);
    numerals (十五五), given names (魏哲哲), measure words (一张张) and AABB forms (高高兴兴)
    are left alone."""
    ch = text[start]
    if ch in _NUMERALS or start and (text[start - 1] in SURNAMES or text[start - 1] in "一每"):
        return False  # 十五五; 魏哲哲; 一张张, 每天天
    if start + 3 < len(text) and text[start + 2] == text[start + 3] or start >= 2 and text[start - 2] == text[start - 1]:
        return False  # 高高兴兴, 清清楚楚
    lo = max(0, start - 3)
    pos = lo
    left = right = ""
    for token in words.cut(text[lo:start + 5]):
        end = pos + len(token)
        if pos <= start < end:
            left = token
        if pos <= start + 1 < end:
            right = token
            break
        pos = end
    if left is right or len(right) != 1:
        return False  # kept together (人人), or the second one starts a word (国家)
    if len(left) == 1:
        return ch in _NEVER_DOUBLED  # 和和, 是是 (but 现在 / 在 / 县里 is fine)
    after = text[start + 2] if start + 2 < len(text) else ""
    return not after or not is_han(after)  # 诗人人、: the word, then itself before a mark


_NUMERALS = set("〇一二三四五六七八九十百千万亿两")
#: Function words that never stand twice in a row.
_NEVER_DOUBLED = set("的和与是把被")


def _in_one_word(text: str, off: int) -> bool:
    lo = max(0, off - 3)
    pos = lo
    for token in words.cut(text[lo:off + 3]):
        end = pos + len(token)
        if pos < off < end and len(token) > 1:
            return True
        pos = end
    return False


CHECKERS = (marks, pairs, doubled)
