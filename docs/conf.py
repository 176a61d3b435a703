"""Sphinx configuration of the documentation site (``nox -s docs`` builds it).

The API pages are written here at build time from each module's ``__all__``, so a
function added to a plugin gets its page without anyone editing the docs.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import posixpath
import re
from pathlib import Path

import mygrad_core

# where the repository is browsed: links from the pages to files outside the site go there
REPOSITORY = "https://github.com/mygrad-core/mygrad-core"

HERE = Path(__file__).resolve().parent

project = "mygrad"
author = "The mygrad-core developers"
copyright = "2026, The mygrad-core developers"
release = mygrad_core.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "numpydoc",
    "myst_parser",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "examples", "Thumbs.db", ".DS_Store"]
templates_path = ["_templates"]

autosummary_generate = True
autosummary_imported_members = True
autodoc_default_options = {"member-order": "bysource"}
# numpydoc renders the signature's types; repeating them in the description is noise
autodoc_typehints = "none"
numpydoc_show_class_members = False
numpydoc_class_members_toctree = False
numpydoc_xref_param_type = False

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

html_theme = "pydata_sphinx_theme"
html_title = f"mygrad {release}"
html_theme_options = {
    "navigation_with_keys": False,
    "show_toc_level": 2,
    "navbar_align": "left",
}
html_static_path: list = []
html_theme_options["icon_links"] = [
    {"name": "Source", "url": "https://github.com/mygrad-core/mygrad-core", "icon": "fa-brands fa-github"},
]
html_show_sourcelink = False

# ---------------------------------------------------------------------------------------
# API pages: one section per distribution, one autosummary entry per name in ``__all__``.
# (title, import name shown to users, the module whose __all__ lists the names, intro)
API = [
    (
        "mygrad-core",
        "mygrad_core",
        "mygrad_core",
        "The engine: tensors, operations, back-propagation, creation, shape and indexing "
        "routines, memory guarding and the plugin host. Every name here is also "
        "``mygrad.<name>``.",
    ),
    (
        "mygrad-math",
        "mygrad_math",
        "mygrad_math",
        "Arithmetic, trigonometric, hyperbolic, exponential and logarithmic functions, "
        "reductions, special and miscellaneous functions. Each is also ``mygrad.<name>`` "
        "and ``mygrad.math.<name>``.",
    ),
    (
        "mygrad-linalg",
        "mygrad_linalg",
        "mygrad_linalg",
        "Matrix products and Einstein summation (``mygrad.matmul``, ``mygrad.einsum``, "
        "...) and the ``mygrad.linalg`` namespace.",
    ),
    ("mygrad-random", "mygrad_random.random", "mygrad_random.random", "The ``mygrad.random`` namespace."),
    ("mygrad-io", "mygrad_io", "mygrad_io", "``mygrad.save`` and ``mygrad.load``."),
    (
        "mygrad-graphviz",
        "mygrad_graphviz.computational_graph",
        "mygrad_graphviz.computational_graph",
        "The ``mygrad.computational_graph`` namespace.",
    ),
    ("mygrad-nnet: activations", "mygrad_nnet.activations", "mygrad_nnet.activations", "``mygrad.nnet.activations``."),
    ("mygrad-nnet: losses", "mygrad_nnet.losses", "mygrad_nnet.losses", "``mygrad.nnet.losses``."),
    ("mygrad-nnet: initializers", "mygrad_nnet.initializers", "mygrad_nnet.initializers", "``mygrad.nnet.initializers``."),
    ("mygrad-nnet: layers", "mygrad_nnet.layers", "mygrad_nnet.layers", "``mygrad.nnet.layers``."),
]


def _slug(title: str) -> str:
    return title.replace(": ", "-").replace(" ", "-").lower()


def _is_callable_object(obj) -> bool:
    """A ufunc (a class whose call runs an op) or another callable object: documented
    as a function, with its signature."""
    import mygrad_core

    if inspect.isclass(obj):
        return issubclass(obj, mygrad_core.ufunc)
    return callable(obj) and not inspect.isroutine(obj)


def _split(module) -> tuple:
    """Our own objects (documented) and names re-exported from elsewhere (listed)."""
    ours, foreign = [], []
    for name in getattr(module, "__all__", []):
        obj = getattr(module, name)
        if inspect.ismodule(obj):
            continue  # sub-modules have their own section
        origin = getattr(obj, "__module__", None) or ""
        if inspect.isclass(obj) or inspect.isroutine(obj) or callable(obj):
            (ours if origin.startswith("mygrad") else foreign).append((name, origin))
        else:
            ours.append((name, origin))
    return ours, foreign


def _api_page(title: str, shown: str, modname: str, intro: str) -> str:
    lines = [title, "=" * len(title), "", intro, ""]
    if importlib.util.find_spec(modname.split(".")[0]) is None:
        return "\n".join(lines + [f"``{modname}`` is not installed where these docs were built.", ""])
    module = importlib.import_module(modname)
    ours, foreign = _split(module)
    lines += [f".. currentmodule:: {shown}", ""]
    # ufuncs are classes whose call runs the op: documented as functions all the same
    ufuncs = [name for name, _ in ours if _is_callable_object(getattr(module, name))]
    others = [name for name, _ in ours if name not in ufuncs]
    for names, template in ((others, None), (ufuncs, "autosummary/callable.rst")):
        if names:
            lines += [".. autosummary::", "   :toctree: generated"]
            lines += [f"   :template: {template}"] if template else []
            lines += [""] + [f"   {name}" for name in names] + [""]
    if not ours:
        lines += ["This module does not export any function yet.", ""]
    if foreign:
        lines += [
            "Also exported, unchanged from their own packages (no gradient; documented there):",
            "",
        ]
        lines += [f"- ``{name}`` (``{origin}``)" for name, origin in foreign]
        lines.append("")
    return "\n".join(lines)


def write_api_pages(out: Path) -> list:
    """Write api/index.rst and one page per section of ``API``; returns the pages' paths."""
    out.mkdir(exist_ok=True)
    pages, written = [], []
    for title, shown, modname, intro in API:
        slug = _slug(title)
        pages.append(slug)
        text = _api_page(title, shown, modname, intro)
        path = out / f"{slug}.rst"
        written.append(path)
        # rewrite only on change, so an incremental build stays incremental
        if not path.exists() or path.read_text() != text:
            path.write_text(text)
    index = [
        "API reference",
        "=============",
        "",
        "One page per public function, generated from its docstring. Install a plugin and",
        "``import mygrad as mg`` exposes its names; the sections below are grouped by the",
        "distribution that provides them.",
        "",
        ".. toctree::",
        "   :maxdepth: 1",
        "",
    ] + [f"   {slug}" for slug in pages]
    text = "\n".join(index) + "\n"
    path = out / "index.rst"
    if not path.exists() or path.read_text() != text:
        path.write_text(text)
    return [path, *written]


# ---------------------------------------------------------------------------------------
# Pages written for the repository (read on its web view) link to files beside them, such
# as ``../README.md`` or ``examples/...``; on the site those files are not pages, so such
# links point at the repository instead.
_OUTSIDE = re.compile(r"\]\((?!https?:|#)((?:\.\./|examples/)[^)\s]*)\)")


def _link_outside_files(app, docname: str, source: list) -> None:
    folder = posixpath.dirname(docname)

    def to_repo(match: re.Match) -> str:
        path = posixpath.normpath(posixpath.join("docs", folder, match.group(1)))
        kind = "tree" if match.group(1).endswith("/") else "blob"
        return f"]({REPOSITORY}/{kind}/main/{path})"

    source[0] = _OUTSIDE.sub(to_repo, source[0])


def setup(app):
    # before autosummary reads the pages (at builder-inited) and writes a stub per name
    write_api_pages(HERE / "api")
    app.connect("source-read", _link_outside_files)
    return {"parallel_read_safe": True}
