"""The core's language: gettext catalogs, and messages rendered when they are read.

Every text ``editor/`` hands to people (flag messages, rule and kind names, undo labels,
errors, the export check, the CLI's words) is written in English as a gettext msgid and
wrapped in :func:`_` (or :func:`n_` for plurals). That does not translate at once: it
makes a :class:`Message`, which renders in the language chosen *when it is read*
(``str(message)``), so flags found on a worker thread show in the language the window
speaks when they are drawn, and switching language needs no re-check.

The language is set once per process (``set_language``: the CLI's ``--lang``, the
window's language); by default it follows the locale (``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG``): Chinese for ``zh*``, English otherwise.

Catalogs: ``editor/locale/<lang>/LC_MESSAGES/jiaodui.po`` (sources, managed with Babel)
and the compiled ``.mo`` beside them; ``tools/update_catalogs.sh`` refreshes both, and a
test checks that the Chinese catalog translates every message. English needs no catalog:
the msgids are English.

Fields are ``str.format`` names: ``_("Space inside a number: “{number}”", number=...)``;
the translation keeps the names (``"数字中有空格：“{number}”"``).
"""
from __future__ import annotations

import gettext
import os
import threading
from pathlib import Path

DOMAIN = "jiaodui"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("zh", "en")

_lock = threading.Lock()
_catalogs: dict[str, gettext.NullTranslations] = {}
_language: str | None = None


def normalise(code: str | None) -> str:
    """"zh", "zh_CN", "zh-Hans" → "zh"; anything else (or nothing) → "en"."""
    return "zh" if (code or "").lower().startswith("zh") else "en"


def locale_language() -> str:
    """The language of the process's locale, as gettext looks for it."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return normalise(value.split(":")[0])
    return "en"


def set_language(code: str | None) -> str:
    """Speak ``code`` from now on ("zh", "zh_CN", "en"; None or "" follows the locale)."""
    global _language
    _language = normalise(code) if code else locale_language()
    return _language


def language() -> str:
    return _language or set_language(None)


def catalog(lang: str | None = None) -> gettext.NullTranslations:
    """The translations of ``lang`` (default: the current language), loaded once."""
    lang = normalise(lang) if lang else language()
    found = _catalogs.get(lang)
    if found is None:
        with _lock:
            found = _catalogs.get(lang)
            if found is None:
                found = gettext.translation(DOMAIN, str(LOCALE_DIR), languages=[lang], fallback=True)
                _catalogs[lang] = found
    return found


class Message:
    """Text for people, rendered in the language of the moment when read.

    ``id`` is the gettext msgid (English, with ``{field}`` names), ``args`` the fields'
    values (other Messages are rendered in the same language). ``plural``/``n`` make a
    plural message. ``zh`` is the Chinese of a message written the old way, as a
    "中文, English" pair (see :meth:`pair`): used when the catalog has no translation.
    """

    __slots__ = ("id", "args", "plural", "n", "zh", "_lang", "_text")

    def __init__(self, id: str, args: dict | None = None, plural: str | None = None,
                 n: int | None = None, zh: str | None = None):
        self.id, self.plural, self.n, self.zh = id, plural, n, zh
        self.args = tuple(sorted((args or {}).items()))
        self._lang: str | None = None
        self._text = ""

    @classmethod
    def pair(cls, zh: str, en: str) -> "Message":
        """A message from a Chinese and an English string (the older way of writing rule
        messages): the English is the msgid, so a catalog entry wins when there is one."""
        return cls(en, zh=zh)

    def text(self, lang: str | None = None) -> str:
        lang = normalise(lang) if lang else language()
        if lang == self._lang:
            return self._text
        tr = catalog(lang)
        if self.plural is not None:
            template = tr.ngettext(self.id, self.plural, self.n or 0)
        else:
            template = tr.gettext(self.id)
            if template is self.id and self.zh is not None and lang == "zh":
                template = self.zh
        fields = {k: (v.text(lang) if isinstance(v, Message) else v) for k, v in self.args}
        if self.n is not None:
            fields.setdefault("n", self.n)
        text = template.format(**fields) if fields else template
        self._lang, self._text = lang, text
        return text

    __call__ = text  # ``flag.message("en")`` as before Messages

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return f"Message({self.text('en')!r})"

    def __eq__(self, other) -> bool:
        if isinstance(other, Message):
            return (self.id, self.args, self.plural, self.n, self.zh) == \
                (other.id, other.args, other.plural, other.n, other.zh)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.id, self.args, self.plural, self.n))

    def with_args(self, **args) -> "Message":
        merged = dict(self.args)
        merged.update(args)
        return Message(self.id, merged, self.plural, self.n, self.zh)


def _(msgid: str, **fields) -> Message:
    """Mark ``msgid`` for translation; the fields are filled in when it is read."""
    return Message(msgid, fields)


def n_(singular: str, plural: str, n: int, **fields) -> Message:
    """A message with a plural form chosen by ``n`` (also available as ``{n}``)."""
    return Message(singular, fields, plural, n)


def text(value) -> str:
    """A Message (or a plain string) as text in the current language."""
    return value.text() if isinstance(value, Message) else str(value)
