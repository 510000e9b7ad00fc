"""Build build/pkgtree/khabar/: the installed `khabar` package as one real folder tree.

pyproject.toml maps top-level folders into the package (`khabar.nlp` <- `nlp/`, ...), and the
editable install resolves that mapping with an import hook. Static tools that walk folders
(import-linter's grimp, mypy) only see the physical `khabar/` folder and miss the mapped
subpackages. This script mirrors the mapping as real directories holding symlinks to the
source files, so `PYTHONPATH=build/pkgtree lint-imports` and `MYPYPATH=build/pkgtree mypy -p khabar`
see the whole package. The tree is throw-away: it is rebuilt from scratch on every run.

Usage: python scripts/package_tree.py [--out build/pkgtree]   (prints the tree's root)
"""

from __future__ import annotations

import argparse
import shutil
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def package_dirs(pyproject: Path) -> dict[str, Path]:
    """Each package of the distribution and the source folder it comes from."""
    config = tomllib.loads(pyproject.read_text(encoding="utf-8"))["tool"]["setuptools"]
    mapping: dict[str, str] = config.get("package-dir", {})
    out: dict[str, Path] = {}
    for package in config["packages"]:
        # the longest mapped prefix decides the folder: khabar.nlp.components <- nlp/components
        prefix = max((p for p in mapping if package == p or package.startswith(p + ".")), key=len, default=None)
        if prefix is None:
            folder = Path(*package.split("."))
        else:
            rest = package[len(prefix) + 1 :].split(".") if package != prefix else []
            folder = Path(mapping[prefix], *rest)
        out[package] = ROOT / folder
    return out


def build_tree(out: Path, pyproject: Path = ROOT / "pyproject.toml") -> Path:
    """Rebuild `out` with one folder per package and a symlink per Python source file."""
    if out.exists():
        shutil.rmtree(out)
    for package, source in package_dirs(pyproject).items():
        target = out.joinpath(*package.split("."))
        target.mkdir(parents=True, exist_ok=True)
        for path in sorted(source.glob("*.py")) + sorted(source.glob("*.pyi")):
            (target / path.name).symlink_to(path)
        if (source / "py.typed").exists():
            (target / "py.typed").symlink_to(source / "py.typed")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "pkgtree")
    args = parser.parse_args()
    print(build_tree(args.out.resolve()))


if __name__ == "__main__":
    main()
