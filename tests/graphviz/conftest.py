"""Test-only ops and an SVG reader for the mygrad-graphviz tests (no math plugin needed)."""

import shutil
import xml.etree.ElementTree as ET

import pytest

from mygrad_core import Operation, execute_op

SVG = "{http://www.w3.org/2000/svg}"


class Multiply(Operation):
    def __call__(self, a, b):
        self.variables = (a, b)
        return a.data * b.data

    def backward_var(self, grad, index, **kwargs):
        return grad * self.variables[1 - index].data


class Add(Operation):
    def __call__(self, a, b):
        self.variables = (a, b)
        return a.data + b.data

    def backward_var(self, grad, index, **kwargs):
        return grad


class Total(Operation):
    def __call__(self, a):
        self.variables = (a,)
        return a.data.sum()

    def backward_var(self, grad, index, **kwargs):
        return grad * (self.variables[0].data * 0 + 1)


@pytest.fixture(scope="session")
def ops():
    class Ops:
        @staticmethod
        def mul(a, b):
            return execute_op(Multiply, a, b)

        @staticmethod
        def add(a, b):
            return execute_op(Add, a, b)

        @staticmethod
        def total(a):
            return execute_op(Total, a)

    return Ops


def read_svg(svg_text):
    """{node title: [label lines]} and [(source title, target title)] of a dot SVG."""
    root = ET.fromstring(svg_text)
    nodes, edges = {}, []
    for g in root.iter(f"{SVG}g"):
        kind = g.get("class")
        title = g.find(f"{SVG}title").text if g.find(f"{SVG}title") is not None else None
        if kind == "node":
            nodes[title] = [t.text.replace("\xa0", " ") for t in g.iter(f"{SVG}text")]
        elif kind == "edge":
            src, dst = title.split("->")
            edges.append((src, dst))
    return nodes, edges




@pytest.fixture
def render_svg():
    """Render a Digraph to SVG with `dot` and read it back: ({title: lines}, [(src, dst)])."""
    if shutil.which("dot") is None:
        pytest.skip("the Graphviz `dot` program is not installed (apt-get install graphviz); CI installs it")

    def render(graph):
        return read_svg(graph.pipe(format="svg").decode("utf-8"))

    return render
