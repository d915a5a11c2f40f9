"""The page's raw lines, cut from its text when asked (editor/rawlines.py): the same
lines, by index, slice and iteration, as ``raw_text.split("\\n")`` always gave."""
import random

import pytest

from editor.model import Page
from editor.rawlines import RawLines

TEXTS = ["", "\n", "一行", "一行\n", "\n\n两个空行之后\n", "本报聊城讯\n  记者 王芳\n\n第二段。\n最后一行"]


@pytest.mark.parametrize("text", TEXTS)
def test_the_lines_are_those_of_split(text):
    lines, split = RawLines(text), text.split("\n")
    assert len(lines) == len(split)
    assert list(lines) == split
    assert [lines[k] for k in range(len(split))] == split
    assert [lines[-k] for k in range(1, len(split) + 1)] == [split[-k] for k in range(1, len(split) + 1)]
    assert lines[1:] == split[1:] and lines[::2] == split[::2]
    assert lines == split and not lines != split
    for k in range(len(split)):
        assert text[lines.start(k):lines.stop(k)] == split[k]


def test_random_texts_agree_with_split():
    rng = random.Random(7)
    for _ in range(200):
        text = "".join(rng.choice("甲乙 \n\t。") for _ in range(rng.randrange(0, 40)))
        assert list(RawLines(text)) == text.split("\n")


@pytest.mark.parametrize("k", [3, -4, 10])
def test_a_line_past_the_end_is_an_index_error(k):
    with pytest.raises(IndexError):
        RawLines("一\n二\n三")[k]


def test_a_page_gives_its_lines_so():
    page = Page(raw_text="主题\n\n本报讯 正文。\n")
    assert page.raw_lines == ["主题", "", "本报讯 正文。", ""]
    assert page.raw_lines[2] == "本报讯 正文。"
