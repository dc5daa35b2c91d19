"""Golden values for MatrixFunctionsGoldenTest: exp and log of non-normal matrices by SciPy (expm: Al-Mohy and
Higham 2009 scaling and squaring; logm: inverse scaling and squaring, Al-Mohy and Higham 2012), an implementation
independent of symsweep's. Run:  python3 -m venv /tmp/venv && /tmp/venv/bin/pip install numpy scipy &&
/tmp/venv/bin/python matrix_functions.py > matrix_functions.txt
Each case is four lines: a name, n, the matrix row-major, its function row-major (repr: shortest round-trip)."""
import numpy as np
import scipy
from scipy.linalg import expm, logm

rng = np.random.default_rng(20261201)


def case(name, a, f):
    a = np.asarray(a, dtype=float)
    v = f(a)
    assert np.all(np.isreal(v)), name
    v = np.real(v)
    print(name)
    print(a.shape[0])
    print(" ".join(repr(float(x)) for x in a.ravel()))
    print(" ".join(repr(float(x)) for x in v.ravel()))


print("# scipy", scipy.__version__, "numpy", np.__version__)
# Non-normal: strongly upper-triangular parts, a Jordan-like block, and random I-centred matrices.
for n in (3, 4, 6):
    a = 0.6 * rng.standard_normal((n, n)) / np.sqrt(n) + np.triu(rng.standard_normal((n, n)), 1) * 1.5
    case("exp/random-nonnormal-%d" % n, a, expm)
for n in (3, 5):
    g = 1.5 * np.eye(n) + 0.2 * rng.standard_normal((n, n)) / np.sqrt(n) + np.triu(rng.standard_normal((n, n)), 1)
    assert np.all(np.linalg.eigvals(g).real > 0)
    case("log/random-nonnormal-%d" % n, g, logm)
j = np.array([[2.0, 1.0, 0.0, 0.0], [0.0, 2.0, 1.0, 0.0], [0.0, 0.0, 2.0, 0.0], [0.0, 0.0, 0.0, 0.5]])
j[0, 3] = 3.0
case("exp/jordan-plus-4", j, expm)
case("log/jordan-plus-4", j, logm)
