"""The facade's type stubs agree with what ``import mygrad`` gives at run time (with the
standard plugins installed): every public name is in the stubs with a compatible
signature, and every name of the stubs exists. ``nox -s stubs`` regenerates them."""

from __future__ import annotations

import ast
import difflib
import importlib
import inspect
import subprocess
import sys
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Dict, List, Tuple

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import gen_stubs  # noqa: E402
import mygrad  # noqa: E402

from mygrad_core import Tensor, ufunc  # noqa: E402
from mygrad_core._slots import BINARY_OPERATORS, PLUGIN_METHODS, UNARY_OPERATORS  # noqa: E402

ROOT = gen_stubs.ROOT
INSTALLED = Path(mygrad.__file__).parent
PLUGINS = gen_stubs.standard_plugins()
OURS = {"mygrad", "mygrad_core", "numpy", *PLUGINS}


def _stub_files() -> Dict[str, Path]:
    """``mygrad[.<namespace>...]`` -> its stub file, as installed."""
    out = {}
    for path in sorted(INSTALLED.rglob("*.pyi")):
        parts = list(path.relative_to(INSTALLED).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(["mygrad", *parts])] = path
    return out


STUBS = _stub_files()


class Stub:
    """The exported names of one stub file: ufunc classes, re-exports, annotated names."""

    def __init__(self, module: str, path: Path) -> None:
        self.module = module
        self.classes: Dict[str, ast.ClassDef] = {}
        self.reexports: Dict[str, str] = {}  # name -> the module it comes from
        self.annotated: List[str] = []
        package = module if path.name == "__init__.pyi" else module.rpartition(".")[0]
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.ClassDef):
                self.classes[node.name] = node
            elif isinstance(node, ast.ImportFrom):
                source = package if node.level else node.module
                if node.level and node.module:
                    source = f"{package}.{node.module}"
                for alias in node.names:
                    if alias.asname == alias.name:  # `import x as x`: re-exported
                        self.reexports[alias.name] = source
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                self.annotated.append(node.target.id)
            elif isinstance(node, (ast.FunctionDef, ast.Assign)):
                raise AssertionError(f"{path}: unexpected {ast.dump(node)[:80]}")

    @property
    def names(self) -> set:
        return set(self.classes) | set(self.reexports) | set(self.annotated)


def _runtime(module: str) -> ModuleType:
    return importlib.import_module(module)


def _public_runtime_names(module: str) -> set:
    mod = _runtime(module)
    if module != "mygrad":
        return set(mod.__all__)
    names = set()
    for name in dir(mod):
        if name.startswith("_") or not name.isidentifier():
            continue
        value = getattr(mod, name)
        home = getattr(value, "__name__" if isinstance(value, ModuleType) else "__module__", None)
        # a name of a third-party plugin installed here is not the standard stubs' business
        if isinstance(home, str) and home.split(".")[0] not in OURS:
            continue
        names.add(name)
    return names


def _new_parameters(cls: ast.ClassDef) -> List[List[Tuple[str, str]]]:
    out = []
    for node in cls.body:
        if isinstance(node, ast.FunctionDef) and node.name == "__new__":
            a = node.args
            params = [(p.arg, "POSITIONAL_ONLY") for p in a.posonlyargs]
            params += [(p.arg, "POSITIONAL_OR_KEYWORD") for p in a.args]
            params += [(p.arg, "KEYWORD_ONLY") for p in a.kwonlyargs]
            out.append(params[1:])  # without cls
    return out


def test_committed_stubs_are_up_to_date():
    old = gen_stubs.existing()
    new = gen_stubs.render()
    stale = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
    diff = "".join(
        line
        for k in stale
        for line in difflib.unified_diff(old.get(k, "").splitlines(True), new.get(k, "").splitlines(True), k, k, n=1)
    )
    assert not stale, f"stale stubs {stale}: run `nox -s stubs` (python tests/typing/gen_stubs.py)\n{diff[:3000]}"


def test_the_stubs_are_installed_with_the_facade():
    assert "mygrad" in STUBS
    for namespace in ("math", "linalg", "random", "computational_graph", "nnet", "nnet.activations", "nnet.losses", "nnet.initializers", "nnet.layers"):
        assert f"mygrad.{namespace}" in STUBS


@pytest.mark.parametrize("module", sorted(STUBS))
def test_every_public_runtime_name_is_in_the_stub(module):
    stub = Stub(module, STUBS[module])
    missing = _public_runtime_names(module) - stub.names
    assert not missing, f"{module}: names missing from the stub {sorted(missing)}"


@pytest.mark.parametrize("module", sorted(STUBS))
def test_every_stub_name_exists_at_run_time(module):
    stub = Stub(module, STUBS[module])
    runtime = _runtime(module)
    absent = sorted(n for n in stub.names if not hasattr(runtime, n))
    assert not absent, f"{module}: the stub names what does not exist {absent}"
    for name, source in stub.reexports.items():
        # a re-export is the very object: its signature is the one the checker reads
        assert getattr(_runtime(source), name) is getattr(runtime, name), f"{module}.{name} from {source}"


@pytest.mark.parametrize("module", sorted(STUBS))
def test_ufunc_classes_have_the_runtime_signature(module):
    stub = Stub(module, STUBS[module])
    runtime = _runtime(module)
    for name, cls in stub.classes.items():
        obj = getattr(runtime, name)
        assert inspect.isclass(obj) and issubclass(obj, ufunc), f"{module}.{name} is no ufunc"
        expected = [(p.name, p.kind.name) for p in inspect.signature(obj).parameters.values()]
        overloads = _new_parameters(cls)
        assert len(overloads) == 2
        for params in overloads:
            assert params == expected, f"{module}.{name}"


def test_every_ufunc_of_the_facade_is_a_class_in_a_stub():
    stubs = {m: Stub(m, p) for m, p in STUBS.items()}
    for module, stub in stubs.items():
        runtime = _runtime(module)
        for name in _public_runtime_names(module):
            obj = getattr(runtime, name)
            if not (inspect.isclass(obj) and issubclass(obj, ufunc)) or obj is ufunc:
                continue
            # a namespace may name the facade's class (``from mygrad import exp as exp``)
            home = stub if name in stub.classes else stubs.get(stub.reexports.get(name, ""))
            assert home is not None and name in home.classes, f"{module}.{name}: no ufunc class in the stubs"


def test_a_misspelt_name_is_not_in_the_stub():
    stub = Stub("mygrad", STUBS["mygrad"])
    assert "typo" not in stub.names
    # no module-level __getattr__: it would make every name valid to a checker
    assert "__getattr__" not in STUBS["mygrad"].read_text()


def test_tensor_declares_the_methods_set_from_the_slots_tables():
    tree = ast.parse((ROOT / "mygrad_core" / "tensor_base.py").read_text())
    (cls,) = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Tensor"]
    (block,) = [n for n in cls.body if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING"]
    declared = {n.name for n in block.body if isinstance(n, ast.FunctionDef)}
    expected = {str(name) for row in BINARY_OPERATORS for name in (row[0], row[2], row[3]) if name is not None}
    expected |= {row[0] for row in UNARY_OPERATORS} | set(PLUGIN_METHODS)
    assert expected <= declared, sorted(expected - declared)
    for name in declared:
        assert hasattr(Tensor, name), name


def test_every_distribution_ships_py_typed():
    for package in ["mygrad_core", "mygrad", *PLUGINS]:
        assert resources.files(package).joinpath("py.typed").is_file(), package


def test_every_pyproject_declares_its_package_data():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+

    for folder in [ROOT, *sorted(p.parent for p in (ROOT / "plugins").glob("*/pyproject.toml"))]:
        tool = tomllib.loads((folder / "pyproject.toml").read_text())["tool"]["setuptools"]
        data = tool.get("package-data", {})
        for package in tool["packages"]:
            if "." not in package:
                assert "py.typed" in data.get(package, []), f"{folder.name}: {package} does not ship py.typed"
    tool = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    for folder in gen_stubs.STUB_DIR.rglob("*"):
        if folder.is_dir() and any(folder.glob("*.pyi")):
            package = "mygrad." + ".".join(folder.relative_to(gen_stubs.STUB_DIR).parts)
            assert package in tool["packages"], f"{package} (stubs only) is not in the packages"
            assert "*.pyi" in tool["package-data"].get(package, []), package
    assert "*.pyi" in tool["package-data"]["mygrad"]


def test_a_folder_of_stubs_does_not_hide_the_plugin_namespace():
    # mygrad/nnet/ holds only .pyi files: importing mygrad.nnet first thing in a process
    # still gives the plugin's package, not an empty namespace package
    code = "import mygrad.nnet.activations as a, mygrad_nnet; assert a is mygrad_nnet.activations; print('ok')"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.stdout.strip() == "ok", proc.stderr
