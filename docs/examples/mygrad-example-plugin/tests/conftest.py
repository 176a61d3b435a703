"""The kit's pytest plugin (hypothesis profiles, the ``mygrad_registry`` fixture) comes
in through mygrad-core's ``pytest11`` entry point: nothing to set up here."""
