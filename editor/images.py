"""The page image a page was read from: where it is, or why it cannot be shown.

A PDF page is drawn from its PDF (:mod:`editor.readers.render`), when the file is still
there and still the one it was read from (its sha256); an OCR page shows the scan its file
points to, resolved next to that file when it was read (never fetched from a URL), when
it is an image file. Otherwise the text is all there is and :attr:`PageImage.problem`
says why.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .i18n import Message, _
from .project import Project, file_sha256
from .sniff import head_of


@dataclass(frozen=True)
class PageImage:
    kind: str                    # "pdf" (draw page ``number`` of ``path``), "file" (an image), "" none
    path: str = ""
    number: int = 1
    problem: Message | str = ""


def page_image(project: Project) -> PageImage:
    source = project.page.source_page
    if source is None:
        return PageImage("", problem=project.source_problem or _(
            "This page was read from text: there is no page image to show."))
    if source.kind == "pdf":
        path = Path(source.path)
        if not path.is_file():
            return PageImage("", problem=_("The PDF {path} is not there any more: the text and its boxes are "
                                           "kept, the page cannot be drawn.", path=source.path))
        if source.sha256 and file_sha256(path) != source.sha256:
            return PageImage("", problem=_("The PDF {path} has changed since this page was read: its image is "
                                           "not shown.", path=source.path))
        return PageImage("pdf", str(path), source.number)
    image = Path(source.image) if source.image else None
    if image is None:
        return PageImage("", problem=source.meta.get("image_problem") or _(
            "The OCR file names no page image."))
    try:
        is_image = image.is_file() and head_of(image).is_image()
    except OSError:
        is_image = False
    if not is_image:
        return PageImage("", problem=_("The page image {path} is missing or not an image.", path=str(image)))
    return PageImage("file", str(image))


def render_page(image: PageImage, width: int) -> tuple[int, int, int, bytes]:
    """A PDF page image drawn ``width`` pixels wide (see :func:`render_pdf_page`)."""
    from .readers.render import render_pdf_page

    return render_pdf_page(image.path, image.number, width)
