"""Opening page after page does not make memory grow without bound."""
import gc
import tracemalloc

from editor.newsml import write_newsml
from editor.parser import parse_bytes
from editor.rules import check_page


def analyse(data: bytes, n: int):
    """What opening a page does in the core: parse, check, export."""
    page = parse_bytes(data.replace("聊城".encode(), f"聊城{n}".encode(), 1), source=f"page{n}.txt")
    write_newsml(page, flags=check_page(page))
    return page


def test_memory_flat_across_100_pages(sample_bytes):
    for n in range(5):  # warm caches (jieba dictionary, regexes)
        analyse(sample_bytes, n)
    gc.collect()
    tracemalloc.start()
    try:
        for n in range(20):
            analyse(sample_bytes, n)
        gc.collect()
        after_20, _ = tracemalloc.get_traced_memory()
        for n in range(20, 100):
            analyse(sample_bytes, n)
        gc.collect()
        after_100, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # 80 more pages may not keep more than a few hundred KB (bounded caches fill up);
    # one page's model alone is ~1 MB, so a leak of pages would show at once.
    assert after_100 - after_20 < 1_000_000, (after_20, after_100)
