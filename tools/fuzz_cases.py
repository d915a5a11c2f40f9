"""Inputs for tools/fuzz_inputs.py: seed files made here (exports, project files, rule
settings of small pages written for the purpose, and of the bundled sample) and the ways
to damage them — bytes flipped, cut, repeated or spliced; JSON values swapped for the
numbers, strings and nestings that once broke a reader; XML attributes, texts and
declarations swapped for hostile ones.

Everything is drawn from one ``random.Random``: the same seed gives the same cases.
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: A case never grows past this (the readers' limits are far above; this keeps a run short).
MAX_CASE = 2 * 1024 * 1024

# Sentences of our own, for pages that are no newspaper's.
_HEADS = ["全市召开经济工作会议", "新区建设稳步推进", "乡村振兴 产业先行", "老旧小区改造惠及万户", "科技创新助力企业发展"]
_TEXT = ["会议研究部署下一阶段工作，要求各部门加强协作，推动任务落实。",
         "记者从市统计局获悉，前三季度全市生产总值同比增长7.8%，增速保持稳定。",
         "近年来，该区坚持项目带动，引进企业四十余家，带动就业三千余人。",
         "“我们要把好事办好，把实事办实。”负责同志说。",
         "截至目前，全市已完成改造小区一百二十个，惠及居民一万余户。"]
_BYLINES = ["本报记者 王明 李华", "□本报通讯员 张强", "本报记者 赵丽 通讯员 孙涛"]
_DATELINES = ["本报讯 ", "本报北京10月8日电 ", ""]


def page_text(rng: random.Random) -> str:
    """A small page: one to four articles of headline, byline, dateline and paragraphs."""
    lines: list[str] = []
    for _ in range(rng.randint(1, 4)):
        lines += [rng.choice(_HEADS), ""]
        if rng.random() < 0.6:
            lines += ["  " + rng.choice(_BYLINES), ""]
        width = rng.randint(12, 30)
        for k in range(rng.randint(1, 4)):
            text = (rng.choice(_DATELINES) if k == 0 else "") + "".join(rng.sample(_TEXT, rng.randint(1, 3)))
            text = text.replace("7.8", rng.choice(["7.8", "7 . 8"]))  # an error-level flag, some of the time
            body = [text[i:i + width] for i in range(0, len(text), width)]
            lines += ["  " + body[0], *body[1:]]
        lines.append("")
    return "\n".join(lines)


def seeds(rng: random.Random, pages: int = 12) -> dict[str, list[bytes]]:
    """kind → seed files: "export" (NewsML-G2 with notes), "project", "settings"."""
    from editor.newsml import write_newsml
    from editor.parser import parse_text
    from editor.project import Project
    from editor.rules import RULES, check_page

    texts = [page_text(rng) for _ in range(pages)] + [(ROOT / "resources/samples/liaocheng-page.txt")
                                                       .read_text(encoding="utf-8")]
    out: dict[str, list[bytes]] = {"export": [], "project": [], "settings": []}
    for text in texts:
        page = parse_text(text, source="page.txt")
        out["export"].append(write_newsml(page, sent="2026-01-01T08:00:00+08:00", flags=check_page(page)))
        project = Project(page, {"rule@1:2"}, {"space"}, "page.txt", user_words={"张强"})
        out["project"].append(json.dumps(project.to_json(), ensure_ascii=rng.random() < 0.3,
                                         indent=rng.choice([None, 1])).encode("utf-8"))
    ids = sorted(RULES)
    for _ in range(6):
        data = {"disable": rng.sample(ids, 2), "enable": rng.sample(ids, 1),
                "severity": {rng.choice(ids): rng.choice(["error", "warning", "info"])}}
        if rng.random() < 0.5:
            data["select"] = ["space", "punctuation"]
        out["settings"].append(json.dumps(data, indent=2).encode("utf-8"))
    return out


def minimal(kind: str) -> bytes:
    """The smallest sound file of a kind (what a run costs besides its input)."""
    from editor.newsml import write_newsml
    from editor.parser import parse_text
    from editor.project import Project

    page = parse_text("标题\n\n  正文。\n")
    if kind == "export":
        return write_newsml(page, sent="2026-01-01T08:00:00+08:00")
    if kind == "project":
        return json.dumps(Project(page).to_json()).encode("utf-8")
    return b'{"disable": ["space"]}'


# --- damage --------------------------------------------------------------------------------

def _room(piece: int) -> int:
    """How many copies of a piece of this size fit in a case (at least 2): repeating a
    repeated piece must not grow a case past MAX_CASE, nor the fuzzer past its memory."""
    return max(2, MAX_CASE // max(piece, 1))


_ODD_BYTES = [b"\x00", b"\xff", b"\xfe\xff", b"<", b">", b"{", b"}", b"[", b'"', b"\\", b"\\u",
              b"\xed\xa0\x80", b"\xef\xbb\xbf", b"\x1f", b"&", b"]]>", b"\r"]


def damage_bytes(data: bytes, rng: random.Random, others: list[bytes]) -> bytes:
    how = rng.choice(["flip", "delete", "insert", "repeat", "truncate", "splice"])
    n = len(data)
    a = rng.randrange(n + 1)
    b = min(n, a + rng.choice([1, 2, 8, 64, 1024, 65536]))
    if how == "flip":
        out = bytearray(data)
        for _ in range(rng.randint(1, 16)):
            if out:
                out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
        return bytes(out)
    if how == "delete":
        return data[:a] + data[b:]
    if how == "insert":
        return data[:a] + rng.choice(_ODD_BYTES) * rng.choice([1, 3, 1000]) + data[a:]
    if how == "repeat":
        return data[:a] + data[a:b] * min(rng.choice([2, 10, 1000]), _room(b - a)) + data[b:]
    if how == "truncate":
        return data[:a]
    other = rng.choice(others)
    c = rng.randrange(len(other) + 1)
    return data[:a] + other[c:c + (b - a)] + data[b:]


_MARK = "@@jiaodui-fuzz@@"
_RAW_JSON = ["9" * 5000, "1e400", "-1e400", "NaN", "Infinity", "-0", "1.5", "1e18", "123456789012345678901"]


def _odd_json_value(rng: random.Random, ids: list[str]):
    """A value for a JSON node, or (_MARK, raw text) for what json.dumps cannot write."""
    choice = rng.randrange(14)
    if choice == 0:
        return (_MARK, rng.choice(_RAW_JSON))
    if choice == 1:
        depth = rng.choice([31, 33, 200, 990, 5000, 100_000])
        return (_MARK, "[" * depth + "]" * depth)
    if choice == 2:
        return rng.choice(["\ud800", "\udfff", "正文\udc00", "\ud83d"])  # written as escapes
    if choice == 3:
        return rng.choice(ids) if ids else "b1"  # an id used twice
    return rng.choice([None, True, False, 0, -1, 2 ** 31, 10 ** 18, "", "x" * 10000, "\x00\x1f\x7f",
                       [], {}, [1, 2, 3], {"id": "b1"}, "²", "٣"])


def _nodes(value, path=()):
    yield path
    if isinstance(value, dict):
        for key in value:
            yield from _nodes(value[key], path + (key,))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from _nodes(item, path + (n,))


def damage_json(data: bytes, rng: random.Random) -> bytes:
    """One node of the JSON swapped for an odd value, deleted or repeated (once per call:
    the next call reads the text again, so repeats never share objects that compound)."""
    try:
        doc = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):  # damaged already: leave it to the bytes
        return data
    paths = [p for p in _nodes(doc) if p]
    if not paths:
        return data
    ids = re.findall(r'"id": ?"([^"]*)"', data.decode("utf-8"))
    path = rng.choice(paths)
    holder = doc
    for step in path[:-1]:
        holder = holder[step]
    last, what, raw = path[-1], rng.random(), None
    if what < 0.15 and isinstance(holder, dict):
        del holder[last]
    elif what < 0.25 and isinstance(holder, list):
        size = len(json.dumps(holder[last]))
        holder[last:last + 1] = [holder[last]] * min(rng.choice([2, 100, 3000]), _room(size))
    else:
        value = _odd_json_value(rng, ids)
        if isinstance(value, tuple):
            raw, value = value[1], _MARK
        holder[last] = value
    text = json.dumps(doc, ensure_ascii=True)
    if raw is not None:
        text = text.replace(json.dumps(_MARK), raw)
    return text.encode("utf-8")


_ODD_ATTRS = ["²", "٣", "9" * 5000, "-1", "0", "", " 2 ", "paragraph*100000 " * 3000, "headline*99999999999",
              "paragraph*-1 headline", "&lol;", "&#0;", "&#xD800;", "\u0000", "x" * 100000]
_ODD_TEXT = ["&#1;", "\x01\x02", "]]>", "&#x1F;", "&amp;&lt;", "\u0085\u2028", "\ufeff", "正文" * 20000,
             "<![CDATA[x]]>", "<?pi x?>", "<!-- c -->", "&ext;"]
_DECLARATIONS = ['<!DOCTYPE newsMessage [<!ENTITY lol "lol">]>', '<!DOCTYPE x SYSTEM "file:///etc/passwd">',
                 '<!ENTITY x SYSTEM "http://127.0.0.1:9/">', '<?xml-stylesheet href="http://127.0.0.1:9/"?>',
                 '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/hostname" parse="text"/>']


def damage_xml(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", errors="replace")
    how = rng.choice(["attribute", "text", "declaration", "nest", "repeat", "namespace", "encoding"])
    if how == "attribute":
        found = list(re.finditer(r'(\w+)="([^"]*)"', text))
        if found:
            m = rng.choice(found)
            value = rng.choice(_ODD_ATTRS).replace("&", "&amp;") if rng.random() < 0.5 else rng.choice(_ODD_ATTRS)
            text = text[:m.start(2)] + value + text[m.end(2):]
    elif how == "text":
        found = list(re.finditer(r">([^<]+)<", text))
        if found:
            m = rng.choice(found)
            text = text[:m.start(1)] + rng.choice(_ODD_TEXT) + text[m.end(1):]
    elif how == "declaration":
        at = text.find("\n") + 1 if rng.random() < 0.5 else rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(_DECLARATIONS) + text[at:]
    elif how == "nest":
        depth = rng.choice([100, 300, 5000, 100_000])
        at = text.find("<p>") if "<p>" in text else text.find("</itemSet>")
        at = max(at, 0)
        text = text[:at] + "<div>" * depth + "x" + "</div>" * depth + text[at:]
    elif how == "repeat":
        found = list(re.finditer(r"<newsItem .*?</newsItem>\n", text, re.S))
        if found:
            m = rng.choice(found)
            text = text[:m.end()] + m.group() * min(rng.choice([2, 20, 200]), _room(len(m.group()))) + text[m.end():]
    elif how == "namespace":
        text = text.replace("http://iptc.org/std/nar/2006-10-01/", rng.choice(["", "urn:x", "http://iptc.org/"]), 1)
    else:
        codec = rng.choice(["utf-16", "utf-16-le", "gb18030", "latin-1"])
        return text.replace("UTF-8", rng.choice(["UTF-16", "GB18030", "EBCDIC", "x"]), 1).encode(codec, "replace")
    return text.encode("utf-8", errors="surrogatepass" if rng.random() < 0.1 else "replace")


def case(kind: str, seed_files: list[bytes], rng: random.Random) -> bytes:
    """A damaged copy of one of ``seed_files``: structured damage, byte damage, or both."""
    data = rng.choice(seed_files)
    steps = rng.randint(1, 3)
    for _ in range(steps):
        if rng.random() < 0.6:
            data = damage_xml(data, rng) if kind == "export" else damage_json(data, rng)
        else:
            data = damage_bytes(data, rng, seed_files)
        if len(data) > MAX_CASE:
            data = data[:MAX_CASE]
    return data
