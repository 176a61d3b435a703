"""The nnet plugin is found and aliased as ``mygrad.nnet``."""

import mygrad as mg
import mygrad_nnet


def test_namespace_is_the_plugin_package():
    assert mg.nnet is mygrad_nnet
    import mygrad.nnet.losses

    assert mygrad.nnet.losses is mygrad_nnet.losses
