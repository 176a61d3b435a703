"""mygrad-core's version (a module of its own, so that the host and the command line
read it without importing the package root)."""

__version__ = "0.1.0"
