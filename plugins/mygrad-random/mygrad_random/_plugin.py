"""The mygrad-random plugin: contributes the ``mygrad.random`` namespace."""

from types import ModuleType
from typing import Dict

from mygrad_core import hookimpl
from mygrad_random import random


@hookimpl
def mygrad_namespaces() -> Dict[str, ModuleType]:
    return {"random": random}
