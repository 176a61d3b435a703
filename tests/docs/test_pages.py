"""Run the ``>>>`` examples of every documentation page (docs/**/*.md and README.md).

Each page is one doctest: its examples run in order and share their names, as a reader
would type them. Only fenced blocks are read, so the closing fence is never taken for
expected output.
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SKIP_DIRS = {"examples", "_build", "api", "_templates"}
FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.S | re.M)


def _pages() -> list:
    pages = [p for p in sorted(DOCS.rglob("*.md")) if not SKIP_DIRS & set(p.relative_to(DOCS).parts)]
    return pages + [ROOT / "README.md"]


def _examples(text: str) -> str:
    """The page's ``>>>`` blocks, every other line blanked so line numbers match the page."""
    lines = [""] * (text.count("\n") + 1)
    for match in FENCE.finditer(text):
        block = match.group(1)
        if block.lstrip().startswith(">>>"):
            first = text.count("\n", 0, match.start(1))
            for offset, line in enumerate(block.splitlines()):
                lines[first + offset] = line
    source = "\n".join(lines)
    return source if ">>>" in source else ""


def test_the_guide_pages_have_examples():
    guide = sorted((DOCS / "guide").glob("*.md"))
    assert guide, "docs/guide/ has no page"
    with_examples = [p.name for p in guide if _examples(p.read_text())]
    # every page but the install notes teaches by example
    assert set(with_examples) >= {p.name for p in guide} - {"install.md"}


@pytest.mark.parametrize("page", _pages(), ids=lambda p: str(p.relative_to(ROOT)))
def test_page_examples(page: Path) -> None:
    source = _examples(page.read_text())
    if not source:
        pytest.skip("no >>> example on this page")
    parser = doctest.DocTestParser()
    test = parser.get_doctest(source, {}, str(page.relative_to(ROOT)), str(page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} example(s) failed on {page.name}"


def test_the_guide_speaks_to_users():
    # words of our own process (the reference texts we build against) mean nothing to users
    pages = [DOCS / "index.md", DOCS / "changelog.md", *sorted((DOCS / "guide").glob("*.md"))]
    for page in pages:
        text = page.read_text().lower()
        assert not re.search(r"\bseeds?\b(?!\()|errata|api_checklist", text), page.name
