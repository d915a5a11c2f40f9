"""A minimal scorer for an export against the gold facts of the sample page.

Re-implements the checks of the team's ``score_export.py`` that the issue's acceptance
figures name (articles, headlines, kicker, datelines, bodies, exact paragraphs, byline
names, character conservation), reading only standard NewsML-G2 structure, so the test
does not lean on the writer's internals or on files outside the repository.
"""
from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

from lxml import etree

NAR = "{http://iptc.org/std/nar/2006-10-01/}"


def norm(text: str) -> str:
    text = re.sub(r"\s+", "", text or "")
    text = re.sub(r"—+", "——", text)
    return re.sub(r"[‘’“”\"']", '"', text)


def items_of(xml: bytes) -> list[dict]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(xml, parser)
    out = []
    for item in root.iter(f"{NAR}newsItem"):
        meta = item.find(f"{NAR}contentMeta")
        heads = {"main": [], "kicker": [], "subtitle": [], "other": []}
        for h in meta.findall(f"{NAR}headline"):
            role = (h.get("role") or "").lower()
            key = ("main" if not role or role.endswith(":main") else "kicker" if "kicker" in role
                   else "subtitle" if "sub" in role else "other")
            heads[key].append("".join(h.itertext()))
        names = [n for who in meta.findall(f"{NAR}creator") + meta.findall(f"{NAR}contributor")
                 for el in who.findall(f"{NAR}name") for n in "".join(el.itertext()).split()]
        dateline = meta.find(f"{NAR}dateline")
        by = meta.find(f"{NAR}by")
        paras = ["".join(el.itertext()) for inline in item.iter(f"{NAR}inlineXML")
                 for el in inline.iter() if isinstance(el.tag, str) and etree.QName(el).localname == "p"]
        out.append({"heads": heads, "names": names, "paras": paras,
                    "dateline": "".join(dateline.itertext()) if dateline is not None else "",
                    "by": "".join(by.itertext()) if by is not None else ""})
    return out


def head_text(item: dict) -> str:
    h = item["heads"]
    return norm("".join(h["kicker"] + h["main"] + h["subtitle"] + h["other"]))


def score(gold: dict, xml: bytes, raw: str) -> dict:
    items = items_of(xml)
    res: Counter = Counter()
    used: set[int] = set()
    name_tp = name_fp = name_fn = 0
    for ga in gold["articles"]:
        gh = norm((ga.get("kicker") or "") + ga["headline"] + (ga.get("subtitle") or ""))
        best, best_r = None, 0.0
        for i, it in enumerate(items):
            if i in used:
                continue
            r = SequenceMatcher(None, gh, head_text(it)).ratio()
            if r > best_r:
                best, best_r = i, r
        if best is None or best_r < 0.5:
            res["para_total"] += len(ga["paragraphs"])
            continue
        used.add(best)
        it = items[best]
        res["headline_ok"] += head_text(it) == gh
        if ga.get("kicker"):
            res["kickers"] += 1
            res["kicker_ok"] += any(norm(k) == norm(ga["kicker"]) for k in it["heads"]["kicker"])
        gparas = [norm(p) for p in ga["paragraphs"]]
        iparas = [norm(p) for p in it["paras"]]
        gd = norm(ga.get("dateline") or "")
        if gd:
            res["datelines"] += 1
            res["dateline_ok"] += norm(it["dateline"]) == gd
            if iparas and iparas[0].startswith(gd):
                iparas[0] = iparas[0][len(gd):]
        for ps in (gparas, iparas):
            if ps:
                ps[0] = re.sub(r"^（(本报)?(记者|通讯员)[^）]*）", "", ps[0])
        res["para_total"] += len(gparas)
        res["para_exact"] += sum(1 for p in gparas if p in iparas)
        res["body_ok"] += "".join(gparas) == "".join(iparas)
        gnames = Counter(ga["reporters"] + ga["correspondents"])
        inames = Counter(it["names"])
        name_tp += sum((gnames & inames).values())
        name_fp += sum((inames - gnames).values())
        name_fn += sum((gnames - inames).values())
    kept_chars: Counter = Counter()
    for it in items:
        h = it["heads"]
        kept_chars += Counter(norm("".join(h["kicker"] + h["main"] + h["subtitle"] + h["other"])))
        kept_chars += Counter(norm(it["by"] or " ".join(it["names"])))
        kept_chars += Counter(norm(it["dateline"]))
        kept_chars += Counter(norm("".join(it["paras"])))
    raw_chars = Counter(norm(raw.replace("□", "")))
    denominator = 2 * name_tp + name_fp + name_fn
    return {
        "articles": len(items), "gold_articles": len(gold["articles"]),
        "headline_ok": res["headline_ok"], "body_ok": res["body_ok"],
        "kicker_ok": res["kicker_ok"], "kickers": res["kickers"],
        "dateline_ok": res["dateline_ok"], "datelines": res["datelines"],
        "paragraph_exact": res["para_exact"] / max(res["para_total"], 1),
        "names_f1": 2 * name_tp / denominator if denominator else 1.0,
        "conservation": sum((raw_chars & kept_chars).values()) / max(sum(raw_chars.values()), 1),
    }
