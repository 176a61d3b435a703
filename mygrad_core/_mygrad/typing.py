"""Type aliases used in MyGrad's signatures (``mygrad.typing``)."""

from mygrad_core.typing import *  # noqa: F401,F403
from mygrad_core.typing import __all__  # noqa: F401
