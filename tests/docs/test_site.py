"""The documentation site's API pages list every public name of every installed module.

docs/conf.py writes them from each module's ``__all__`` when Sphinx starts, so a function
added to a plugin gets its page without anyone editing the docs; ``nox -s docs`` builds
the site itself with warnings as errors.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def conf():
    spec = importlib.util.spec_from_file_location("mygrad_docs_conf", ROOT / "docs" / "conf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _entries(text: str) -> set:
    """The names listed in the page's autosummary blocks."""
    names = set()
    for block in re.findall(r"\.\. autosummary::\n((?:   .*\n|\n)+)", text):
        names |= {line.strip() for line in block.splitlines() if line.strip() and not line.strip().startswith(":")}
    return names


def test_every_public_name_has_a_page(conf, tmp_path):
    pages = conf.write_api_pages(tmp_path)
    index = (tmp_path / "index.rst").read_text()
    checked = 0
    for title, _shown, modname, _intro in conf.API:
        path = tmp_path / f"{conf._slug(title)}.rst"
        assert path in pages and conf._slug(title) in index
        text = path.read_text()
        if importlib.util.find_spec(modname.split(".")[0]) is None:
            assert "is not installed" in text
            continue
        module = importlib.import_module(modname)
        public = {n for n in getattr(module, "__all__", []) if not inspect.ismodule(getattr(module, n))}
        documented = _entries(text)
        listed = set(re.findall(r"^- ``(\w+)``", text, flags=re.M))  # re-exported from NumPy etc.
        assert public == documented | listed, modname
        assert not documented & listed
        checked += len(documented)
    assert checked > 100  # the core and the standard plugins at least


def test_a_new_function_gets_its_page(conf, tmp_path, monkeypatch):
    import mygrad_core

    def brand_new(x):
        """A function added after the docs were written."""

    brand_new.__module__ = "mygrad_core.brand_new"
    monkeypatch.setattr(mygrad_core, "brand_new", brand_new, raising=False)
    monkeypatch.setattr(mygrad_core, "__all__", [*mygrad_core.__all__, "brand_new"])
    conf.write_api_pages(tmp_path)
    assert "brand_new" in _entries((tmp_path / "mygrad-core.rst").read_text())


def test_pages_link_to_the_repository_for_files_outside_the_site(conf):
    source = ["See the [README](../README.md), [the example](examples/plugin/) and [hooks](hooks.md)."]
    conf._link_outside_files(None, "architecture", source)
    assert f"]({conf.REPOSITORY}/blob/main/README.md)" in source[0]
    assert f"]({conf.REPOSITORY}/tree/main/docs/examples/plugin)" in source[0]
    assert "](hooks.md)" in source[0]
