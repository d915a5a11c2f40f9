"""jieba behind one small interface: words, words across a break, keywords."""
from editor import words


def test_is_word_knows_dictionary_words_only():
    assert words.is_word("经济") and words.is_word("农业")
    assert not words.is_word("济农") and not words.is_word("经")


def test_a_word_across_a_break_is_found():
    assert words.word_across("发展经", "济建设") == "经济"
    assert words.word_across("发展。", "建设") is None
    assert words.word_across("", "建设") is None


def test_keywords_are_deterministic_and_skip_numbers():
    text = "聊城市农业农村局推进特色农业发展，特色农业种植规模化。农民增收2023年。" * 3
    first = words.keywords(text, top=5)
    assert first == words.keywords(text, top=5) and len(first) <= 5
    assert "农业" in first and not any(w.isdigit() for w in first)


def test_cut_is_a_plain_list():
    assert "".join(words.cut("本报记者报道")) == "本报记者报道"
