"""A fixed op loop for counting instructions (deterministic, unlike timings on a shared
machine): ``python instructions_workload.py N MODE`` runs N rounds of 50 ops of one kind
(``mul``: the ``*`` operator; ``sin``: ``mg.sin``; ``getitem``: ``x[1:]``; ``bwd``: 50
multiplications then ``backward()``). Count with valgrind, the difference of two N
cancelling start-up::

    PYTHONHASHSEED=0 OPENBLAS_NUM_THREADS=1 valgrind --tool=callgrind \\
        --callgrind-out-file=/dev/null ENV/bin/python instructions_workload.py 30 mul

(instructions per op = (count(30) - count(10)) / 20 / 50; see README).
"""

import sys

import mygrad as mg
import numpy as np

rng = np.random.default_rng(0)
x = mg.tensor(rng.normal(size=8))
y = mg.tensor(rng.normal(size=8))
mode = sys.argv[2]


def one_round():
    z = x
    for _ in range(50):
        if mode == "mul":
            z = z * y
        elif mode == "sin":
            z = mg.sin(z)
        elif mode == "getitem":
            z = x[1:]
        elif mode == "bwd":
            z = z * y
    if mode == "bwd":
        z.backward()


for _ in range(int(sys.argv[1])):
    one_round()
