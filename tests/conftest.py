"""Shared test setup: the kit's pytest plugin (hypothesis profiles, fixtures) is loaded
through its pytest11 entry point; nothing else is shared here on purpose."""
