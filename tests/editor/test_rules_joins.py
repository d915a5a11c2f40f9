"""Join rules on constructed pages: positive and negative examples."""
# TAIL is a last paragraph, so every page has indents enough to read as indented.
from tests.editor.rules_helpers import HEAD, TAIL, check, of

def test_column_break_in_mid_sentence_is_flagged_with_keep_break_alternative():
    page, flags = check(HEAD + "　　全市已建成城市书房86家，藏书总量\n超过120万册，年接待读者达到35万人\n\n"
                        "次，成为市民家门口的精神粮仓。\n" + TAIL)
    [flag] = of(flags, "column-break-join")
    assert (flag.fix.action, flag.fix.alternative) == ("join", "keep_break")
    assert flag.line == 6 and flag.end_line == 8 and flag.confidence >= 0.9
    block = page.block(flag.block_id)
    assert block.text[flag.offset:].startswith("次，成为") and flag.length == 0


def test_blank_line_before_an_indented_paragraph_is_no_join():
    _page, flags = check(HEAD + "　　全市已建成城市书房86家，藏书总量\n超过120万册。\n\n"
                         "　　书房还定期举办读书分享会、亲子阅\n读等活动。\n")
    assert not [f for f in flags if f.category == "join"]


def test_full_line_cut_mid_sentence_before_an_indent_is_a_lost_join():
    page, flags = check(HEAD + "　　全市已建成城市书房86家，藏书总量\n超过120万册，年接待读者达到35万人\n"
                        "次，成为市民家门口的精神粮仓，不少\n　　书房延长开放时间到晚上十点。\n")
    [flag] = of(flags, "lost-join")
    assert flag.fix.action == "join" and flag.offset == len(page.block(flag.block_id).text)
    assert not of(flags, "unterminated-paragraph")


def test_intertitle_is_no_lost_join():
    _page, flags = check(HEAD + "　　全市已建成城市书房86家，藏书总量\n超过120万册。\n　　一、延长开放时间\n"
                         "　　不少书房延长开放时间到晚上十点，\n方便上班族下班后前来阅读。\n")
    assert not of(flags, "lost-join") and not of(flags, "unterminated-paragraph")


def test_short_sentence_final_line_before_unindented_line():
    text = HEAD + ("　　全市已建成城市书房86家，藏书总量\n超过120万册。\n书房还定期举办读书分享会、亲子阅读\n"
                   "等活动，吸引了大批市民前来参加。\n" + TAIL)
    _page, flags = check(text)
    [flag] = of(flags, "lost-paragraph-break")
    assert flag.fix.action == "keep_break" and flag.line == 6
    # A full line that happens to end a sentence is normal.
    _page, flags = check(HEAD + "　　全市已建成城市书房86家，藏书总\n量超过120万册。书房还定期举\n"
                         "办读书分享会、亲子阅读等活动。\n" + TAIL)
    assert not of(flags, "lost-paragraph-break")


def test_number_split_by_a_paragraph_break():
    page, flags = check(HEAD + "　　全市已建成城市书房86家，藏书总量\n超过120万册，年接待读者达到12\n"
                        "　　34人次，成为市民家门口的精神粮仓。\n")
    [flag] = of(flags, "split-across-break")
    assert flag.fix.action == "join" and page.block(flag.block_id).text.endswith("12")
    assert not of(flags, "lost-join")  # one flag for one place


def test_hyphenated_latin_word_across_a_line_break():
    page, flags = check(HEAD + "　　该馆引入了名为 Smart Libr-\nary 的管理系统，读者可以自助借还。\n" + TAIL)
    [flag] = of(flags, "split-across-break")
    assert flag.fix.action == "replace" and flag.fix.replacement == ""
    block = page.block(flag.block_id)
    assert block.text[flag.offset] == "-"


def test_headline_over_two_lines_is_info():
    _page, flags = check("“四步”工作法\n\n推动矛盾高效化解\n\n□记者 薛良诚 报道\n"
                         "　　本报临清讯 近年来，临清市信访局积极探索建\n立“四步”工作法。\n")
    [flag] = of(flags, "headline-two-lines")
    assert str(flag.severity) == "info" and flag.fix.action == "join"
    _page, flags = check("推动矛盾高效化解\n\n□记者 薛良诚 报道\n　　本报临清讯 近年来，临清市信访局积极探索建\n"
                         "立“四步”工作法。\n")
    assert not of(flags, "headline-two-lines")
