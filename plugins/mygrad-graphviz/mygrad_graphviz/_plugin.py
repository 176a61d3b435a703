"""The mygrad-graphviz plugin: contributes the ``mygrad.computational_graph`` namespace."""

from types import ModuleType
from typing import Dict

from mygrad_core import hookimpl
from mygrad_graphviz import computational_graph


@hookimpl
def mygrad_namespaces() -> Dict[str, ModuleType]:
    return {"computational_graph": computational_graph}
