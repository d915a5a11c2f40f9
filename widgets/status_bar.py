"""The status bar: file, encoding, articles/paragraphs, open flags by severity, and a
busy indicator while the dictionary loads or the rules run."""
from __future__ import annotations

from pathlib import Path


from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from .theme import severity_color
from .i18n import language_changed


class StatusBar(QStatusBar):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("status_bar")
        self.file_label = QLabel(objectName="status_file")
        self.encoding_label = QLabel(objectName="status_encoding")
        self.counts_label = QLabel(objectName="status_counts")
        self.reviewed_label = QLabel(objectName="status_reviewed")
        self.flags_label = QLabel(objectName="status_flags")
        self.busy_label = QLabel(objectName="status_busy")
        self.progress = QProgressBar(objectName="status_progress")
        self.progress.setRange(0, 0)  # busy, no percentage: jieba does not report progress
        self.progress.setMaximumWidth(120)
        self.progress.setMaximumHeight(14)
        self.addWidget(self.file_label)
        self.addWidget(self.encoding_label)
        self.addWidget(self.counts_label)
        self.addWidget(self.reviewed_label)
        self.addPermanentWidget(self.busy_label)
        self.addPermanentWidget(self.progress)
        self.addPermanentWidget(self.flags_label)
        self._facts: dict = {}
        self.set_busy("")

    def set_page(self, path: str, encoding: str, articles: int, paragraphs: int) -> None:
        self._facts.update(path=path, encoding=encoding, articles=articles, paragraphs=paragraphs)
        self.retranslate()

    def set_reviewed(self, reviewed: int, articles: int) -> None:
        self._facts.update(reviewed=reviewed, total=articles)
        self.retranslate()

    def set_flags(self, counts: dict[str, int] | None) -> None:
        """Open flags by severity; None while they are not known yet."""
        self._facts["flags"] = counts
        self.retranslate()

    def set_busy(self, what: str) -> None:
        """"dictionary", "check" or "" (idle)."""
        self._facts["busy"] = what
        self.progress.setVisible(bool(what))
        self.busy_label.setVisible(bool(what))
        self.retranslate()

    def retranslate(self) -> None:
        f = self._facts
        path = f.get("path")
        self.file_label.setText(Path(path).name if path else self.tr("No page open"))
        self.file_label.setToolTip(path or "")
        self.encoding_label.setText(self.tr("Encoding: %1").replace("%1", f["encoding"])
                                    if path else "")
        self.counts_label.setText(
            (self.tr("%n article(s)", "", f["articles"]) + " · "
             + self.tr("%n paragraph(s)", "", f["paragraphs"])) if path else "")
        self.reviewed_label.setText(
            self.tr("Reviewed %1 of %2").replace("%1", str(f.get("reviewed", 0)))
            .replace("%2", str(f.get("total", 0))) if path else "")
        busy = f.get("busy")
        self.busy_label.setText({"dictionary": self.tr("Loading dictionary…"),
                                 "check": self.tr("Checking…")}.get(busy, ""))
        counts = f.get("flags")
        if counts is None:
            self.flags_label.setText(self.tr("Flags: pending") if path else "")
        else:
            names = {"error": self.tr("%n error(s)", "", counts.get("error", 0)),
                     "warning": self.tr("%n warning(s)", "", counts.get("warning", 0)),
                     "info": self.tr("%n note(s)", "", counts.get("info", 0))}
            parts = [f'<span style="color:{severity_color(s).name()}">{names[s]}</span>'
                     for s in ("error", "warning", "info")]
            self.flags_label.setText(" · ".join(parts))

    def flags_text(self) -> str:
        """The flag counts as plain text (what the user reads)."""
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setHtml(self.flags_label.text())
        return doc.toPlainText()

    def changeEvent(self, event) -> None:
        if language_changed(event, self.file_label):
            self.retranslate()
        super().changeEvent(event)
