"""Hypothesis strategies for newspaper-like pages: columns, indents, bylines, headlines, noise."""
from __future__ import annotations

from hypothesis import strategies as st

HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
PUNCT = st.sampled_from(list("，。、；：？！“”‘’（）《》——…"))
NOISE = st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r")
INDENTS = st.sampled_from(["  ", "\u3000\u3000", "\t", "    ", " ", ""])
#: Every C0 control but the line ends (U+001C–U+001F are text to Unicode, space to
#: ``str.isspace``), U+FEFF, DEL, and the spaces Unicode has besides the ASCII ones.
CONTROLS = st.sampled_from([chr(c) for c in range(0x20) if c not in (0x0A, 0x0D)]
                           + ["\ufeff", "\x7f", "\x85", "\xa0", "\u2028", "\u3000", "\u200b"])


@st.composite
def sentence(draw):
    body = draw(st.lists(st.one_of(HAN, HAN, HAN, PUNCT, st.sampled_from(list("0123456789.% AZaz"))),
                         min_size=4, max_size=60))
    return "".join(body) + draw(st.sampled_from(["。", "！", "？", "”", "", "。”"]))


@st.composite
def paragraph_lines(draw, width, indent):
    text = "".join(draw(st.lists(sentence(), min_size=1, max_size=4)))
    lines = [text[i:i + width] for i in range(0, len(text), width)] or [""]
    lines[0] = indent + lines[0]
    out = []
    for line in lines:
        out.append(line)
        if draw(st.integers(0, 12)) == 0:
            out.append(draw(st.sampled_from(["", "  ", "\u3000"])))  # a column break
    return out


@st.composite
def byline(draw):
    marker = draw(st.sampled_from(["□", "", "■ "]))
    role = draw(st.sampled_from(["本报记者", "本 报 记 者", "记 者", "记者", "本报通讯员", "通讯员"]))
    names = draw(st.lists(st.text(HAN, min_size=2, max_size=3), min_size=1, max_size=3))
    tail = draw(st.sampled_from(["", " 报道"]))
    return f"{marker}{role} {' '.join(names)}{tail}"


@st.composite
def article(draw, width, indent, headline_first):
    heads = draw(st.lists(st.text(st.one_of(HAN, st.just(" ")), min_size=3, max_size=20), min_size=0, max_size=3))
    head_lines = []
    for h in heads:
        head_lines += [h, ""]
    body = []
    if draw(st.booleans()):
        body += [indent + draw(byline()), ""]
    dateline = draw(st.sampled_from(["", "本报聊城讯 ", "新华社北京6月20日电　"]))
    for k in range(draw(st.integers(1, 4))):
        lines = draw(paragraph_lines(width, indent))
        if k == 0 and dateline:
            lines[0] = indent + dateline + lines[0].lstrip()
        body += lines
    body.append("")
    return head_lines + body if headline_first else body + head_lines


@st.composite
def page_text(draw):
    width = draw(st.integers(8, 40))
    indent = draw(INDENTS)
    headline_first = draw(st.booleans())
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        parts += draw(article(width, indent, headline_first))
    lines = parts
    # sprinkle arbitrary characters (controls, odd spaces, astral planes) into some lines
    for _ in range(draw(st.integers(0, 3))):
        if lines:
            i = draw(st.integers(0, len(lines) - 1))
            lines[i] = lines[i] + draw(st.text(NOISE, max_size=5))
    # and controls anywhere: at a line's start, at its end, inside it, at the page's start
    for _ in range(draw(st.integers(0, 4))):
        if lines:
            i = draw(st.integers(0, len(lines) - 1))
            at = draw(st.sampled_from([0, len(lines[i]), draw(st.integers(0, len(lines[i])))]))
            lines[i] = lines[i][:at] + draw(st.text(CONTROLS, min_size=1, max_size=3)) + lines[i][at:]
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return newline.join(lines)
