"""Bylines (`□ 本 报 记 者  胡磊 薛良诚`, `通讯员 商贺 翟雪 报道`) and datelines (`本报聊城讯`).

Names are derived from the byline's text, so editing the text is all it takes to fix them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_SP = r"[ \t\u3000\u00a0]*"

# A role: [agency] [驻<place>] [title] 记者 | 通讯员 | 评论员, or 实习生 — each piece may be
# letter-spaced in the raw page ("本 报 记 者").
_AGENCY_WORDS = ("本报", "新华社", "中新社", "人民日报", "经济日报", "光明日报", "本台", "本刊")
_TITLES = ("特约", "特派", "首席", "见习", "实习", "摄影", "全媒体", "融媒体", "融媒", "资深")
_CORES = ("记者", "通讯员", "评论员")
ROLES = ("记者", "通讯员", "评论员", "实习生")  # the words a role ends with

_MARKERS = "□■◇◆●○▲△◎☆★口"  # 口: the OCR's reading of □ (a role must follow, as always)
_TRAILERS = ("报道", "摄影", "摄", "文/图", "文", "图", "整理", "采写")


def _spaced(word: str) -> str:
    return _SP.join(re.escape(ch) for ch in word)


def _either(words) -> str:
    return "(?:" + "|".join(_spaced(w) for w in sorted(words, key=len, reverse=True)) + ")"


_ROLE_RE = re.compile(
    f"(?:{_either(_AGENCY_WORDS)}{_SP})?(?:驻(?:{_SP}[\u4e00-\u9fff]){{1,4}}?{_SP})?"
    f"(?:{_either(_TITLES)}{_SP})?{_either(_CORES)}"
    f"|(?:{_either(_AGENCY_WORDS)}{_SP})?{_spaced('实习生')}")
ROLE_RE = _ROLE_RE  # public: the rules find letter-spaced roles with it
#: "文/本报记者 张三", "图／记者 李四": who wrote or shot it, before the role.
_CREDIT_PREFIX = re.compile(f"^(?:文图|图文|文|图|摄影|摄){_SP}[/／|｜]{_SP}")
#: Separators between names besides spaces: "张三、李四".
_NAME_SEPARATORS = re.compile(r"[、，,；;]")
_MARKER_RE = re.compile(f"^[{_MARKERS}]{_SP}")
_TRAILER_RE = re.compile(f"{_SP}(?:{'|'.join(_spaced(t) for t in _TRAILERS)}){_SP}$")
_NAME_TOKEN = re.compile(r"^(?:[\u3400-\u9fff·•]{1,6}|[\u3400-\u9fff]{1,8}(?:[·•][\u3400-\u9fff]{1,8}){1,3})$")


@dataclass
class Byline:
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return self.reporters + self.correspondents


def _role_kind(role_text: str) -> str:
    role = re.sub(r"\s", "", role_text)
    return "correspondents" if "通讯员" in role else "reporters"  # 评论员 and 实习生 write too


def _names(chunk: str) -> list[str] | None:
    """Names in the text between two roles; None if it is not a list of names."""
    tokens = _NAME_SEPARATORS.sub(" ", chunk).split()
    if not all(_NAME_TOKEN.match(t) for t in tokens):
        return None
    names: list[str] = []
    i = 0
    while i < len(tokens):
        if len(tokens[i]) == 1:
            # A two-character name padded to the width of three ("龚  鸣"), or a
            # letter-spaced name: gather the run of single characters.
            run = []
            while i < len(tokens) and len(tokens[i]) == 1:
                run.append(tokens[i])
                i += 1
            if len(run) == 3:
                names.append("".join(run))
            else:
                names.extend("".join(run[k:k + 2]) for k in range(0, len(run), 2))
        else:
            names.append(tokens[i])
            i += 1
    return names


#: The brackets a credit stands in. OCR reads "（" as "〈" or "《" (and doubles it: "《〈"),
#: but the closing bracket it gets right: a credit opens with one of them, closes with ")".
_OPEN = r"(?:[（(]|[〈《]{1,2})"
_PAREN_RE = re.compile(rf"^{_OPEN}(?P<inner>[^（）()〈《》〉]{{2,40}})[）)]$")


#: The characters a byline can open with: a marker, a bracket, or a role's first character.
_OPENERS = frozenset(_MARKERS + "（(〈《文图摄驻实" + "".join(w[0] for w in _AGENCY_WORDS + _TITLES + _CORES))


def _unbracket(text: str) -> tuple[str, bool]:
    """``（记者 王芳）`` → ``记者 王芳``: the credit inside a pair of brackets."""
    match = _PAREN_RE.match(text)
    return (match.group("inner").strip(), True) if match else (text, False)


_OCR_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[”“\"|]+(?=[\u4e00-\u9fff])")


def parse_byline(text: str) -> Byline | None:
    """Split a byline into reporters and correspondents; None if ``text`` is no byline.

    A credit in brackets (``（记者 王芳）``, ``（通讯员 何伟 记者 周洁）``) is a byline too:
    the brackets set it apart the way a space or a marker does.
    """
    stripped = text.strip()
    if not stripped or stripped[0] not in _OPENERS:  # cheap test first: most lines are not bylines
        return None
    stripped, bracketed = _unbracket(stripped)
    body = _CREDIT_PREFIX.sub("", _MARKER_RE.sub("", stripped))
    if not _ROLE_RE.match(body):  # cheap test first: most lines are not bylines
        return None
    body = _OCR_GAP.sub(" ", body)  # "新华社记者”叶昊鸣": OCR reads the gap between role and name as a quote
    marked = body != stripped or bracketed
    unmarked = body
    body = _TRAILER_RE.sub("", body)
    trailed = body != unmarked
    if not body:
        return None
    roles = list(_ROLE_RE.finditer(body))
    if not roles or roles[0].start() != 0:
        return None
    # "记者说" or "记者走访发现" open sentences, not bylines: a byline sets its names
    # apart with a space, or carries a marker (□), 本报, or a trailing 报道.
    first = roles[0]
    spaced = first.end() < len(body) and body[first.end()].isspace()
    if not (spaced or marked or trailed or first.group().startswith("本")):
        return None
    result = Byline()
    for k, match in enumerate(roles):
        end = roles[k + 1].start() if k + 1 < len(roles) else len(body)
        names = _names(body[match.end():end])
        if names is None or any(len(n) < 2 for n in names):
            return None
        if not spaced and any(len(n) > 3 for n in names):
            return None  # "本报记者从市里获悉": words, not names, run on after the role
        getattr(result, _role_kind(match.group())).extend(names)
    return result


def is_byline(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) <= 60 and parse_byline(stripped) is not None


def clean_byline(text: str) -> str:
    """The byline as it should read: markers dropped, letter-spacing closed, single spaces."""
    body = _MARKER_RE.sub("", _unbracket(text.strip())[0])
    out = []
    for raw_line in body.split("\n"):
        line = _MARKER_RE.sub("", raw_line.strip())
        prefix = _CREDIT_PREFIX.match(line)
        lead = re.sub(r"\s", "", prefix.group()) if prefix else ""
        line = line[prefix.end():] if prefix else line
        line = _ROLE_RE.sub(lambda m: " " + re.sub(r"\s", "", m.group()) + " ", line)
        parsed = parse_byline(line)
        if parsed is not None:
            # rebuild padded names ("龚  鸣" → "龚鸣") without losing role words
            pieces = []
            roles = list(_ROLE_RE.finditer(line.strip()))
            stripped = line.strip()
            for k, match in enumerate(roles):
                end = roles[k + 1].start() if k + 1 < len(roles) else len(stripped)
                names = _names(_TRAILER_RE.sub("", stripped[match.end():end])) or []
                pieces.append(" ".join([re.sub(r"\s", "", match.group())] + names))
            trailer = _TRAILER_RE.search(stripped)
            if trailer:
                pieces.append(re.sub(r"\s", "", trailer.group()))
            line = " ".join(pieces)
        out.append(lead + " ".join(line.split()))
    return " ".join(p for p in out if p)


#: A credit in brackets opening a paragraph (after its dateline): ``（记者 王芳）6月28日，…``.
_LEADING_CREDIT = re.compile(rf"^{_OPEN}[^（）()〈《》〉\n]{{2,40}}[）)]")
#: ... or closing it: ``…二十六家。（记者 孙丽）``.
_TRAILING_CREDIT = re.compile(rf"{_OPEN}[^（）()〈《》〉\n]{{2,40}}[）)]$")


def credit_at(text: str) -> str | None:
    """The bracketed byline that opens ``text``, if any."""
    match = _LEADING_CREDIT.match(text)
    return match.group() if match and parse_byline(match.group()) else None


def credit_ending(text: str) -> str | None:
    """The bracketed byline that closes ``text`` after a finished sentence, if any."""
    match = _TRAILING_CREDIT.search(text)
    if not match or not parse_byline(match.group()):
        return None
    return match.group()


# --- datelines ----------------------------------------------------------------------

_AGENCIES = "本报|新华社|中新社|中新网|人民网|新华网|央视网|光明网|央广网|经济日报|据新华社|本台|本刊"
#: A digit, or what OCR reads for one (``6月:日``).
_DIGIT = r"[\d:lI|]"
_DATE = rf"(?:{_DIGIT}{{1,2}} ?月 ?{_DIGIT}{{1,2}} ?日 ?|[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)"
#: ``本报聊城讯``, ``新华社北京6月20日电``: with a date the dateline may run straight on
#: into the text (``……29日电中共中央……``); without one a space or a bracket must follow,
#: so that ``新华社电视台`` is no dateline.
DATELINE_RE = re.compile(
    rf"^(?:{_AGENCIES})(?P<place>[\u4e00-\u9fff]{{0,10}}?(?:、[\u4e00-\u9fff]{{2,6}}?)?)(?:{_DATE} ?(?:电|讯)|(?:电|讯)(?=[\s\u3000（(〈《“「]|$))"
)


def dateline_at(text: str) -> str | None:
    """The dateline that opens ``text`` (``本报聊城讯``, ``新华社北京6月20日电``), if any."""
    match = DATELINE_RE.match(text)
    return match.group() if match else None


def dateline_place(dateline: str) -> str:
    """The place named in a dateline: ``本报聊城讯`` → ``聊城``."""
    match = DATELINE_RE.match(dateline + " ")
    return match.group("place") if match else ""


# --- bare names ---------------------------------------------------------------------

#: Common Chinese surnames (single and compound): a line of bare names under a headline
#: (``徐馨``, ``王计兵``) is told from a short headline by them.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
    "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古"
    "吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫"
    "寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻"
    "位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦"
    "戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但"
    "尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由")
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐",
                     "长孙", "宇文", "司徒", "夏侯", "端木", "万俟", "独孤", "南宫", "西门", "呼延")
_NAME_CHARS = re.compile(r"^[\u4e00-\u9fff·]{2,5}$")
_FOREIGN_NAME = re.compile(r"^[\u4e00-\u9fff]{1,6}(?:·[\u4e00-\u9fff]{1,8}){1,3}$")


#: Characters that make a word of a line rather than a name (function words).
_NOT_IN_NAMES = frozenset("的了是在这那们说就也都不而与及或个之其")


def is_name(token: str) -> bool:
    """Could ``token`` be a Chinese personal name (a surname, then one or two characters;
    a compound surname, then one or two)?"""
    if "·" in token and _FOREIGN_NAME.match(token):
        return True  # 劳伦斯·弗里曼, 米尔萨德·努尔科维奇
    if not _NAME_CHARS.match(token) or any(ch in _NOT_IN_NAMES for ch in token):
        return False
    if token[:2] in COMPOUND_SURNAMES:
        return 3 <= len(token) <= 4
    return token[0] in SURNAMES and len(token) <= 3 or "·" in token


def is_name_line(text: str) -> bool:
    """A line of bare names (``王计兵``, ``颜欢 许海林``, ``李  琰``): one to four names,
    no role word, nothing else."""
    stripped = text.strip()
    if not stripped or len(stripped) > 24 or parse_byline(stripped) is not None:
        return False
    names = _names(stripped)
    if not names or len(names) > 4:
        return False
    return all(is_name(n) for n in names)


def byline_names(text: str) -> Byline | None:
    """Who a byline block credits: a byline with roles (``本报记者 张三``), or bare names
    (``王计兵``, ``武 贺``: reporters). None if the text credits nobody."""
    flat = text.replace("\n", " ")
    parsed = parse_byline(flat)
    if parsed is not None or not is_name_line(flat):
        return parsed
    return Byline(reporters=_names(flat.strip()) or [])
