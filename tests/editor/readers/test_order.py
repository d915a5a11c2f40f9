"""Reading order from geometry alone: article by article, each head with its columns."""
from editor.readers.order import order_lines
from editor.source import Box, SourceLine


def col(tag, x, y, n, size=10.0, width=100.0):
    return [SourceLine(f"{tag}{k}", Box(x, y + 15 * k, x + width, y + 15 * k + size), size) for k in range(n)]


def head(tag, x, y, width, size=24.0):
    return [SourceLine(tag, Box(x, y, x + width, y + size), size, bold=True)]


def texts(lines):
    return [ln.text for ln in lines]


def test_articles_side_by_side_are_read_one_after_the_other():
    # heads level with each other and bodies level with each other: a cut across the page
    # under the heads would interleave the two articles
    a = head("HA", 0, 0, 210) + col("a1-", 0, 40, 5) + col("a2-", 110, 40, 5)
    b = head("HB", 240, 0, 210) + col("b1-", 240, 40, 5) + col("b2-", 350, 40, 5)
    out = order_lines(b + a, 500, 200)
    assert texts(out) == texts(a) + texts(b)
    assert len({ln.region for ln in out}) == 6


def test_a_head_under_its_columns_stays_after_all_of_them():
    # the head spans only the first three of four columns: the gutter after the third is
    # open, but the head belongs under all four
    body = [ln for k in range(4) for ln in col(f"c{k}-", 110 * k, 0, 6)]
    h = head("HEAD", 0, 100, 300)
    out = order_lines(h + body, 450, 140)
    assert texts(out) == texts(body) + ["HEAD"]


def test_rules_separate_rows_and_the_header_band():
    header = [SourceLine("date", Box(0, 0, 80, 10), 10), SourceLine("page 5", Box(400, 0, 440, 10), 10)]
    row1 = col("r1-", 0, 30, 3, width=440)
    row2 = col("x-", 0, 100, 3) + col("y-", 110, 100, 3)
    rules = [Box(0, 20, 440, 21), Box(0, 85, 440, 86)]
    out = order_lines(row2 + row1 + header, 450, 200, rules)
    assert texts(out) == ["date", "page 5"] + texts(row1) + texts(row2)
    assert out[0].group != out[2].group != out[-1].group


def test_a_head_over_some_columns_does_not_keep_the_next_article_from_being_cut_off():
    # article B's head spans its first three columns; its fourth lies past a gutter the head
    # does not cross. That gutter stays closed, but the wider one between A and B is cut:
    # a cut across under both heads would interleave the articles
    a = head("HA", 0, 0, 210) + col("a1-", 0, 40, 6) + col("a2-", 110, 40, 6)
    b = (head("HB", 260, 0, 320) + col("b1-", 260, 40, 6) + col("b2-", 370, 40, 6)
         + col("b3-", 480, 40, 6) + col("b4-", 590, 40, 4))
    out = order_lines(b + a, 700, 200)
    assert texts(out) == texts(a) + texts(b)
    assert out[0].group != out[-1].group


def test_two_articles_side_by_side_with_heads_below_of_different_heights():
    # no rules: each article's head is under its own columns; the left head is one line the
    # OCR engine broke in two at the gutter, the right one two lines set bigger
    left = col("l1-", 0, 0, 8) + col("l2-", 115, 0, 8)
    left_head = head("左题上半", 30, 130, 80) + head("左题下半", 120, 130, 80)
    right = col("r1-", 250, 10, 6) + col("r2-", 365, 10, 6)
    right_head = head("右题第一行", 260, 110, 190, size=30) + head("右题第二行", 260, 145, 190, size=30)
    out = order_lines(right_head + right + left_head + left, 500, 200)
    assert texts(out) == texts(left) + ["左题上半", "左题下半"] + texts(right) + texts(right_head)
    # the broken head is one region (no blank line between its pieces in the raw page)
    k = texts(out).index("左题上半")
    assert out[k].region == out[k + 1].region != out[k - 1].region


def test_a_head_under_the_first_columns_stays_after_a_short_last_column():
    # an article's last column runs short: the head under its first two columns still goes
    # after all four (it is the article's, not the first two columns')
    body = [ln for k in range(4) for ln in col(f"c{k}-", 110 * k, 0, 6 if k < 3 else 3)]
    h = head("HEAD", 0, 100, 200)
    out = order_lines(h + body, 450, 140)
    assert texts(out) == texts(body) + ["HEAD"]


def test_a_head_below_does_not_reach_under_a_neighbour_with_a_head_of_its_own():
    # both articles start on one row and set their heads under their columns; the left
    # head group ends in a subtitle about the text's size, and the right head sits lower
    # than all of it: still each head is its own article's
    left = col("l1-", 0, 0, 8) + col("l2-", 115, 0, 8)
    left_heads = head("左题", 20, 130, 180) + [SourceLine("左副题", Box(30, 160, 200, 172), 12.0)]
    right = col("r1-", 250, 0, 10) + col("r2-", 365, 0, 10) + col("r3-", 480, 0, 10)
    right_head = head("右题", 300, 180, 250)
    out = order_lines(right_head + right + left_heads + left, 600, 220)
    assert texts(out) == texts(left) + ["左题", "左副题"] + texts(right) + ["右题"]


def test_two_articles_whose_heads_fill_their_widths_are_not_one_broken_head():
    # level heads of one size a gutter apart (as wide as the columns' gutters), over columns
    # that start level: each head
    # spans its own article's two columns, so neither is a piece of one broken line
    a = head("HA", 0, 0, 210) + col("a1-", 0, 40, 6) + col("a2-", 110, 40, 6)
    b = head("HB", 220, 0, 210) + col("b1-", 220, 40, 6) + col("b2-", 330, 40, 6)
    out = order_lines(b + a, 450, 200)
    assert texts(out) == texts(a) + texts(b)
