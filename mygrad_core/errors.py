"""MyGrad-specific exceptions and warnings."""

__all__ = [
    "MyGradException",
    "InvalidGradient",
    "InvalidBackprop",
    "DisconnectedView",
    "MissingPluginError",
    "PluginConflictError",
    "MyGradPluginWarning",
]


class MyGradException(Exception):
    """Base class for all MyGrad-specific exceptions."""


class InvalidGradient(MyGradException, ValueError):
    """An operation produced a gradient of the wrong type or shape."""


class InvalidBackprop(MyGradException, ValueError):
    """Back-propagation was requested in a way that cannot be carried out."""


class DisconnectedView(MyGradException):
    """A view is no longer connected to its base."""


class MissingPluginError(MyGradException, AttributeError):
    """A name was requested that only a (not installed) plugin provides."""


class PluginConflictError(MyGradException, RuntimeError):
    """Two plugins contribute the same name or NumPy override."""


class MyGradPluginWarning(UserWarning):
    """A plugin failed to load and was skipped."""
