"""MyGrad-specific exceptions (``mygrad.errors``)."""

from mygrad_core.errors import *  # noqa: F401,F403
from mygrad_core.errors import __all__  # noqa: F401
