"""Pages as ``pdftotext`` prints them (issue 12): no indents, columns of 10–16
characters, headlines beside or among the text. Each test builds a small page of its own
for one way such a page went wrong."""
from editor.model import BlockKind
from editor.parser import parse_text


def paragraphs(page):
    return [b.text for a in page.stories for b in a.blocks if b.kind == BlockKind.PARAGRAPH]


def kinds(page):
    return [b.kind for a in page.stories for b in a.blocks]


# A paragraph's first line that lost its indent and stops short before a word that could
# not follow it (a number, a character with its full stop): the paragraph's first line,
# not a label set on its own.
LOST_INDENT_BEFORE_A_WORD = """\
社区书房开进老旧小区

本报讯（记者周敏）城西区
近日在十个小区建成社区书
房，居民可以免费借阅图书
和报刊，深受大家的欢迎。
这种做法就是一个范
例。近年来，城西区先后建
成多处社区书房，每家书房
藏书五千册，借阅很方便。
全区已建成的书房
3000余平方米，还定期举
办读书会和亲子阅读活动，
吸引了许多居民参加。
"""


def test_a_short_first_line_before_a_word_that_did_not_fit_opens_a_paragraph():
    page = parse_text(LOST_INDENT_BEFORE_A_WORD)
    assert BlockKind.INTERTITLE not in kinds(page)
    paras = paragraphs(page)
    assert len(paras) == 3
    assert paras[1].startswith("这种做法就是一个范例。") and paras[2].startswith("全区已建成的书房3000")


# A paragraph's first line right before a column break, and a next line short only by the
# character its comma pulled over to the line after: still a paragraph's first line.
FIRST_LINE_BEFORE_A_COLUMN_BREAK = """\
河道治理见成效

本报讯（记者孙华）南湖区今年
完成了十二条河道的清淤治理，
河水变清了，两岸也更美了。
治理期间，区里先后多次组

织专家和居民代表多次实地察
看，听取意见，研究改进办法，
确保每一项工程都经得起检验。
"""


def test_a_first_line_before_a_column_break_opens_a_paragraph():
    paras = paragraphs(parse_text(FIRST_LINE_BEFORE_A_COLUMN_BREAK))
    assert len(paras) == 2 and paras[1].startswith("治理期间，区里先后多次组织专家")


# The headlines of a row of two articles on one baseline, printed as one line, each
# wrapping onto a line of its own under it (``…访问越`` / ``南``): a row of headlines, not
# the first lines of columns, each headline over its own text.
HEADLINES_SIDE_BY_SIDE = """\
第3版

城西区十个小区建成社区书 南湖区河道清淤治理工程全
房
面完工
本报讯（记者周敏）城西区
近日在十个小区建成社区书
房，居民可以免费借阅图书
和报刊，深受大家的欢迎。
书房还定期举办读书会和亲
子阅读活动，参加的居民越
来越多，周末常常座无虚席。

本报讯（记者孙华）南湖区
今年完成了十二条河道的清
淤治理，河水变清了，两岸
也更美了。治理期间，区里
多次组织专家和居民代表实
地察看，确保工程经得起检
验，河道治理受到居民称赞。
"""


def test_headlines_of_a_row_on_one_line_go_over_their_own_texts():
    page = parse_text(HEADLINES_SIDE_BY_SIDE)
    heads = ["".join(b.text for b in a.blocks if b.kind.is_heading) for a in page.stories]
    assert heads == ["城西区十个小区建成社区书房", "南湖区河道清淤治理工程全面完工"]
    firsts = [next(b.text for b in a.blocks if b.kind == BlockKind.PARAGRAPH) for a in page.stories]
    assert firsts[0].startswith("城西区近日") and firsts[1].startswith("南湖区今年")


# A commentary's author: bare names on a line of their own right over the text, with no
# blank line between and no indent to set the text apart, its headline printed elsewhere
# (pdftotext put it in the row of headlines above).
NAMES_OVER_THE_TEXT = """\
社区书房开进老旧小区 让阅读成为日常（短评）

本报讯（记者周敏）城西区
近日在十个小区建成社区书
房，居民可以免费借阅图书
和报刊，深受大家的欢迎。

欧阳林
书房开到家门口，阅读
就不再是一件难事了。在城
西区，老人常带着孙辈来借
书，年轻人下班后也来坐一
坐，书房成了小区里最热闹
的地方之一，很值得推广。
"""


def test_names_right_over_a_text_without_indents_are_its_byline():
    page = parse_text(NAMES_OVER_THE_TEXT)
    second = page.stories[1]
    assert [b.text for b in second.blocks if b.kind == BlockKind.BYLINE] == ["欧阳林"]
    assert next(b.text for b in second.blocks if b.kind == BlockKind.PARAGRAPH).startswith("书房开到家门口")


# An article's text that stops in mid-sentence (``……修复。针``) goes on in a column that
# pdftotext printed after the next article: the column goes back, its first sentence
# joined to the one left open.
A_COLUMN_AFTER_THE_NEXT_ARTICLE = """\
古城墙修复工程完工

本报讯（记者李文）历时两年
的古城墙修复工程近日完工，
全长三公里的城墙重新向游客
开放。城墙多处出现裂缝，文
物部门组织专家开展修复。针

老街夜市开张

本报讯（记者王红）老街夜市
昨晚开张，数十家小吃摊位吸
引了大批市民和游客前来品尝，
夜市将一直开放到十月底。
夜市还有民俗表演。

对不同的损坏情况，专家制定
了不同的修复方案，尽量保留
城墙的原有风貌，让古城墙焕
发新的光彩。
"""


def test_a_text_left_in_mid_sentence_goes_on_in_its_column_printed_later():
    page = parse_text(A_COLUMN_AFTER_THE_NEXT_ARTICLE)
    wall, market = page.stories
    wall_text = [b.text for b in wall.blocks if b.kind == BlockKind.PARAGRAPH]
    assert wall_text[-1].endswith("专家开展修复。针对不同的损坏情况，专家制定了不同的修复方案，"
                                  "尽量保留城墙的原有风貌，让古城墙焕发新的光彩。")
    assert all("城墙" not in b.text for b in market.blocks)


# Another article's headline printed among the columns of this one, in mid-sentence
# (``……参`` / (headline) / ``加的居民……``): the sentence goes on over it, and the headline
# goes over its own text.
A_HEADLINE_AMID_A_SENTENCE = """\
本报讯（记者周敏）城西区
近日在十个小区建成社区书
房，居民可以免费借阅图书
和报刊，书房还定期举办读
书会和亲子阅读活动，参

南湖区河道清淤治理工程全
面完工

加的居民越来越多，周末常
常座无虚席，深受大家欢迎。

城西区社区书房受欢迎

本报讯（记者孙华）南湖区
河道清淤治理工程近日全面
完工，十二条河道的水变清
了，两岸也更美了。治理期
间，区里多次组织专家实地
察看，确保工程经得起检验。
"""


def test_a_headline_amid_a_sentence_leaves_the_sentence_whole():
    page = parse_text(A_HEADLINE_AMID_A_SENTENCE)
    heads = {"".join(b.text for b in a.blocks if b.kind.is_heading):
             [b.text for b in a.blocks if b.kind == BlockKind.PARAGRAPH] for a in page.stories}
    assert set(heads) == {"城西区社区书房受欢迎", "南湖区河道清淤治理工程全面完工"}
    assert heads["城西区社区书房受欢迎"] == [
        "城西区近日在十个小区建成社区书房，居民可以免费借阅图书和报刊，书房还定期举办读书会和亲子"
        "阅读活动，参加的居民越来越多，周末常常座无虚席，深受大家欢迎。"]
    assert heads["南湖区河道清淤治理工程全面完工"][0].startswith("南湖区河道清淤治理工程近日")


# Two headlines printed one under the other amid the sentence, a blank line between: each
# goes over its own text.
TWO_HEADLINES_AMID_A_SENTENCE = A_HEADLINE_AMID_A_SENTENCE.replace(
    "面完工\n\n加的", "面完工\n\n老街夜市开张迎客\n\n加的") + """
本报讯（记者王红）老街夜市
昨晚开张迎客，数十家小吃
摊位吸引了大批市民和游客
前来品尝，夜市将一直开放
到十月底，每晚都有表演。
"""


def test_two_headlines_amid_a_sentence_go_each_over_its_own_text():
    page = parse_text(TWO_HEADLINES_AMID_A_SENTENCE)
    heads = {"".join(b.text for b in a.blocks if b.kind.is_heading):
             [b.text for b in a.blocks if b.kind == BlockKind.PARAGRAPH] for a in page.stories}
    assert set(heads) == {"城西区社区书房受欢迎", "南湖区河道清淤治理工程全面完工", "老街夜市开张迎客"}
    assert heads["老街夜市开张迎客"][0].startswith("老街夜市昨晚")


# Headlines set in a narrow column beside their text, a few characters a line, printed
# after it: display type, not a column of running text (it sets its own width).
HEADLINES_IN_A_NARROW_COLUMN = """\
本报讯（记者周敏）城西区
近日在十个小区建成社区书

房，居民可以免费借阅图书
和报刊，书房还定期举办读

书会和亲子阅读活动，参加
的居民越来越多，很受欢迎。

社区书
房开进
老旧小
区

本报讯（记者孙华）南湖区
河道清淤治理工程近日全面

完工，十二条河道的水变清
了，两岸也更美了，治理期

间，区里多次组织专家实地
察看，确保工程经得起检验。

南湖区
河道治
理工程
完工
"""


def test_headlines_in_a_narrow_column_beside_the_text():
    page = parse_text(HEADLINES_IN_A_NARROW_COLUMN)
    heads = ["".join(b.text for b in a.blocks if b.kind.is_heading) for a in page.stories]
    assert heads == ["社区书房开进老旧小区", "南湖区河道治理工程完工"]
    assert all(len([b for b in a.blocks if b.kind == BlockKind.PARAGRAPH]) == 1 for a in page.stories)


# The headlines of two articles printed one under the other, a blank line between (set
# beside their texts, read out together): each goes to the text that holds its words.
TWO_HEADLINES_ONE_UNDER_THE_OTHER = """\
本报讯（记者周敏）城西区
近日在十个小区建成社区书

房，居民可以免费借阅图书
和报刊，书房还定期举办读

书会和亲子阅读活动，参加
的居民越来越多，很受欢迎。

城西区社区书房受欢迎

南湖区河道清淤治理工程完工

本报讯（记者孙华）南湖区
河道清淤治理工程近日全面

完工，十二条河道的水变清
了，两岸也更美了，治理期

间，区里多次组织专家实地
察看，确保工程经得起检验。
"""


def test_two_headlines_one_under_the_other_go_each_to_its_text():
    page = parse_text(TWO_HEADLINES_ONE_UNDER_THE_OTHER)
    heads = {"".join(b.text for b in a.blocks if b.kind.is_heading):
             next(b.text for b in a.blocks if b.kind == BlockKind.PARAGRAPH) for a in page.stories}
    assert heads.keys() == {"城西区社区书房受欢迎", "南湖区河道清淤治理工程完工"}
    assert heads["城西区社区书房受欢迎"].startswith("城西区近日")


# But a headline and its subtitle, a blank line between, over one article of two reports
# (each echoing one of them) stay one group.
HEADLINE_AND_SUBTITLE_OVER_TWO_REPORTS = """\
城西区社区书房受欢迎

老街夜市开张迎客

本报讯（记者周敏）城西区近日在十个小区建成社区书房，很受欢迎。
本报讯（记者王红）老街夜市昨晚开张迎客，吸引了大批市民前来。
"""


def test_a_headline_and_subtitle_over_two_reports_stay_together():
    [article] = parse_text(HEADLINE_AND_SUBTITLE_OVER_TWO_REPORTS).stories
    assert "".join(b.text for b in article.blocks if b.kind.is_heading) == "城西区社区书房受欢迎老街夜市开张迎客"


# Two texts printed block by block, interleaved: the first breaks off at the second's
# byline (``……覆盖十六个国家，`` / ``本报记者 李华``), and its next column comes after a
# column of the second (``……造福两`` / ``对近五千名……`` / ``国人民。``). Each column goes
# on with its own text: the later column reads on from ``造福两`` as the first does not.
INTERLEAVED_TEXTS = """\
新华社北京7月30日电（记者张
明）一项关于非洲青年的调查报
告近日发布，调查显示非洲青年
对中非合作的评价持续上升。本
次调查于今年三月启动，覆盖十
六个非洲国家，
本报记者 李华
本报南宁4月28日电 近日，乍
得荒漠化防治研修班在南宁举办，
三十多名乍得官员参加。学员们
表示，期待两国在荒漠化防治领
域深化合作，更好造福两

对近五千名非洲青年进行了访
谈。调查显示，受访的非洲青年
普遍看好中非合作的前景。

国人民。研修期间，学员们还赴
宁夏考察了荒漠化防治的成果。
"""


def test_interleaved_texts_go_on_each_with_its_own_columns():
    page = parse_text(INTERLEAVED_TEXTS)
    first, second = page.stories
    assert "".join(b.text for b in first.blocks if b.kind == BlockKind.PARAGRAPH).endswith(
        "覆盖十六个非洲国家，对近五千名非洲青年进行了访谈。调查显示，受访的非洲青年普遍看好中非合作的前景。")
    second_text = [b.text for b in second.blocks if b.kind == BlockKind.PARAGRAPH]
    assert second_text[-1].endswith("更好造福两国人民。研修期间，学员们还赴宁夏考察了荒漠化防治的成果。")


# The first text's headline, printed after the second (beside it on the page), speaks of
# what the first says in its later column: the columns go back first, then the headline
# finds its text.
INTERLEAVED_TEXTS_WITH_HEADLINES = INTERLEAVED_TEXTS + """
受访青年普遍看好合作前景

乍得官员赴南宁研修荒漠化防治
"""


def test_headlines_find_their_texts_once_the_columns_are_back():
    page = parse_text(INTERLEAVED_TEXTS_WITH_HEADLINES)
    heads = {"".join(b.text for b in a.blocks if b.kind.is_heading): a for a in page.stories}
    assert set(heads) == {"受访青年普遍看好合作前景", "乍得官员赴南宁研修荒漠化防治"}
    survey = heads["受访青年普遍看好合作前景"]
    assert any(b.text.startswith("一项关于非洲青年") for b in survey.blocks)


# A picture's caption ends at its credit; a foreign author's long name over the text is
# its byline; a paragraph the page left without its full stop ends at a line far short
# of the column over a first line that lost its indent; a note under the text is its own.
CAPTION_NAME_NOTE = """\
图为城西区社区书房里，居民们正在安静地阅读图书和报刊。 李明摄（影像中国）

米尔萨德·努尔科维奇
在城西区的社区书房里，老
人带着孙辈来借书，年轻人下班
后也来坐一坐，阅读让生活更加
美好
书房开到家门口，阅读就不
再是一件难事了。在城西区，老
人常带着孙辈来借书，年轻人下
班后也来坐一坐，很受欢迎。
（作者为社区书房管理员）
"""


def test_a_caption_a_long_name_a_paragraph_without_its_full_stop_and_a_note():
    page = parse_text(CAPTION_NAME_NOTE)
    captions = [b.text for a in page.articles for b in a.blocks if b.kind == BlockKind.CAPTION]
    assert len(captions) == 1 and captions[0].endswith("李明摄（影像中国）")
    [article] = page.stories
    assert [b.text for b in article.blocks if b.kind == BlockKind.BYLINE] == ["米尔萨德·努尔科维奇"]
    paras = [b.text for b in article.blocks if b.kind == BlockKind.PARAGRAPH]
    assert paras[0].endswith("阅读让生活更加美好") and paras[1].startswith("书房开到家门口")
    assert paras[-1] == "（作者为社区书房管理员）"


# A row of headlines at the page's top where one line holds pieces of two (the rest of
# each on lines of their own): a short block between blank lines is no top of columns,
# and a piece too short to tell goes with the headline above it, not with the one beside
# it on its line.
HEADLINE_PIECES_IN_A_SHORT_BLOCK = """\
南湖区河道清淤治理工程全面完工
“城西区十个社区书房开进 庆祝活动昨日举行（图）
千家万户的老旧小区”

本报讯（记者周敏）城西区
近日在十个小区建成社区书
房，居民可以免费借阅图书
和报刊，书房还定期举办读
书会，参加的居民越来越多。

本报讯（记者孙华）南湖区
河道清淤治理工程近日全面
完工，十二条河道的水变清
了，两岸也更美了，治理期
间，区里多次组织专家实地
察看，确保工程经得起检验。
"""


def test_headline_pieces_in_a_short_block_go_each_to_its_text():
    page = parse_text(HEADLINE_PIECES_IN_A_SHORT_BLOCK)
    heads = ["".join(b.text for b in a.blocks if b.kind.is_heading) for a in page.stories]
    assert heads == ["“城西区十个社区书房开进千家万户的老旧小区”", "南湖区河道清淤治理工程全面完工庆祝活动昨日举行（图）"]


# A paragraph's first line that lost its indent may end a sentence and the paragraph go
# on: short by the indent only, with a full line under it, it ends nothing.
FIRST_LINE_ENDS_A_SENTENCE = """\
社区书房开进老旧小区

本报讯（记者周敏）城西区
近日在十个小区建成社区书
房，居民可以免费借阅图书。
阅读让生活更加美好。
书房开到家门口，阅读就不
再是一件难事了，老人常带
着孙辈来借书，很受欢迎。
"""


def test_a_first_line_that_ends_a_sentence_does_not_end_its_paragraph():
    paras = paragraphs(parse_text(FIRST_LINE_ENDS_A_SENTENCE))
    assert paras[-1] == "阅读让生活更加美好。书房开到家门口，阅读就不再是一件难事了，老人常带着孙辈来借书，很受欢迎。"
