"""Which language the window speaks, and the translators that make it so.

Chinese when the system locale is Chinese, English otherwise, unless the user chose.
Our own catalogue (``resources/translations/jiaodui_<lang>.qm``) is installed together
with Qt's own ``qtbase`` catalogue, so standard dialogs and buttons match.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from editor.session import set_language

from . import paths

TRANSLATIONS = paths.translations_dir()
LANGUAGES = ("zh_CN", "en")


def system_language() -> str:
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def resolve(choice: str) -> str:
    """The language to use for a setting value ("" follows the system)."""
    return choice if choice in LANGUAGES else system_language()


def is_chinese() -> bool:
    """Does the window currently speak Chinese?"""
    return QLocale().language() == QLocale.Language.Chinese


class Translations:
    """Owns the installed translators; :meth:`switch` changes language at runtime.

    Installing a translator makes Qt send ``LanguageChange`` to every widget, which
    retranslates itself in ``changeEvent``.
    """

    def __init__(self, app: QCoreApplication):
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"

    def switch(self, language: str) -> str:
        language = resolve(language)
        changed = bool(self._installed)
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        QLocale.setDefault(QLocale(language if language != "en" else "en_US"))
        set_language(language)  # the core's messages (flags, undo steps, errors) too
        ours = QTranslator(self._app)  # English has a catalogue too: its plural forms
        if ours.load(f"jiaodui_{language}", str(TRANSLATIONS)):
            self._install(ours)
        if language != "en":
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            for catalogue in ("qtbase", "qt"):
                qt = QTranslator(self._app)
                if qt.load(f"{catalogue}_{language}", qt_dir):
                    self._install(qt)
                    break
        if not changed and not self._installed:
            # No translator changed, so Qt sends no LanguageChange: send one ourselves.
            self._notify()
        self.language = language
        return language

    def _install(self, translator: QTranslator) -> None:
        self._app.installTranslator(translator)
        self._installed.append(translator)

    def _notify(self) -> None:
        from PySide6.QtCore import QEvent
        from PySide6.QtWidgets import QApplication

        for widget in QApplication.allWidgets():
            QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))


def language_changed(event, *parts) -> bool:
    """Is ``event`` a LanguageChange to act on? Not when ``parts`` (the children the
    retranslation touches) are already gone: a window being torn down can still get one."""
    import shiboken6
    from PySide6.QtCore import QEvent

    return event.type() == QEvent.Type.LanguageChange and all(shiboken6.isValid(p) for p in parts)

