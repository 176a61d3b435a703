"""mygrad.nnet.losses: classification and ranking losses, each a single operation with a
closed-form gradient."""

from mygrad_nnet.losses import cross_entropy, focal, hinge
from mygrad_nnet.losses.cross_entropy import *  # noqa: F403
from mygrad_nnet.losses.focal import *  # noqa: F403
from mygrad_nnet.losses.hinge import *  # noqa: F403

__all__ = sorted(cross_entropy.__all__ + focal.__all__ + hinge.__all__)
