"""mygrad-graphviz: ``mygrad.computational_graph.build_graph`` (draw a computational graph)."""

from mygrad_graphviz import computational_graph
from mygrad_graphviz.computational_graph import build_graph

__version__ = "0.1.0"

__all__ = ["computational_graph", "build_graph"]
