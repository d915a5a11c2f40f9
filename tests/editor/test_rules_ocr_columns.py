"""Lines the OCR read across columns (editor.rules.columns): one merged-columns flag for the
run, and no space or pairing flags inside it. Constructed pages, invented text."""
from tests.editor.rules_helpers import check, of

#: Tesseract's marks against Chinese text (the page shows it came from OCR), a column wide.
SIGNS = "　　记者获悉: 活动吸引了\n市民; 有人问: 书够吗?\n够了!\n"
#: Lines of one column, about thirteen characters wide.
COLUMN = ("　　今年以来，我市持续推进老旧\n小区改造，新建口袋公园二十余\n处，居民出行更加便利。社区还\n"
          "开设了托育点和助餐点，老人和\n孩子都有了好去处。街道负责人\n表示，下一步将继续完善配套设\n"
          "施，让群众的获得感更足。\n")
#: Three columns side by side, with the marks the OCR read in the gutters.
ACROSS = ("湖畔步道全线贯通，晨练的市民 。 新建的图书驿站里座无虚席 ”孩子们在草坪上放飞风筝\n"
          "越来越多，不少人带着家人前来 。 附近学校的老师也常带学生 ”笑声传遍了整个湖面，一\n"
          "散步赏景，感受城市的新变化。 ”来这里开展阅读和实践活动 。 派生机勃勃的景象令人欣喜\n")
HEAD = "湖畔公园焕新开放\n\n"


def _on_lines(flags, rule, lines):
    return [f for f in flags if f.rule == rule and f.line in lines]


def test_lines_read_across_columns_get_one_flag_and_no_space_flags():
    text = HEAD + SIGNS + COLUMN + ACROSS + COLUMN
    page, flags = check(text)
    rows = {n for n, line in enumerate(page.raw_lines, 1) if line.startswith(("湖畔步道", "越来越多", "散步赏景"))}
    assert len(rows) == 3
    [merged] = of(flags, "merged-columns")
    assert merged.line == min(rows) and merged.end_line == max(rows)
    for rule in ("space-around-punctuation", "space-between-cjk", "unbalanced-pair", "letter-spaced"):
        assert not _on_lines(flags, rule, rows), rule


def test_typeset_page_and_lone_wide_lines_are_not_taken_for_columns():
    # without the OCR's signs the page is typeset text: its spaces are flagged as ever
    page, flags = check(HEAD + COLUMN + ACROSS + COLUMN)
    assert not of(flags, "merged-columns")
    assert of(flags, "space-around-punctuation")
    # one wide line alone (a caption set across the page) is not a run of columns
    wide = "湖畔步道全线贯通，晨练的市民 。 新建的图书驿站里座无虚席 ”孩子们在草坪上放飞风筝\n"
    page, flags = check(HEAD + SIGNS + COLUMN + wide + COLUMN)
    assert not of(flags, "merged-columns")
    # a caption of one long piece across the page is no column either
    caption = ("湖畔公园焕新开放后迎来了众多市民和外地游客前来游览观光 （本报记者 王明 摄）\n"
               "公园内新建的步道和图书驿站深受市民喜爱已经成为城市的一张新名片和打卡地\n")
    page, flags = check(HEAD + SIGNS + COLUMN + caption + COLUMN)
    assert not of(flags, "merged-columns")
