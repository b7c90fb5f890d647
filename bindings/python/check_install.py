#!/usr/bin/env python3
"""`pip install` of the binding, offline, into a fresh virtual environment; then
an analysis with a clean environment (no SKAZ_LIBRARY, no PYTHONPATH), which
must load the libskaz the package carries.

Usage: check_install.py --build-dir DIR   (DIR holds the built libskaz.so)
Exits 77 (skipped) when Python's venv module is missing (Debian: python3-venv).
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CHECK = r"""
import skaz, skaz._ffi as ffi, sys
venv = sys.argv[1]
assert ffi.LIBRARY_PATH.startswith(venv), ffi.LIBRARY_PATH
doc = skaz.analyze("«Мы не согласны», — сказал министр Иван Петров.", lang="ru")
assert doc.quotes[0].speaker.name == "Иван Петров", doc.quotes
docs = skaz.analyze_many(["One. Two.", "«Да», — сказал он."] * 8, jobs=2)
assert [len(d.sentences) for d in docs[:2]] == [2, 1], docs[:2]
print("installed skaz", skaz.__version__, "loads", ffi.LIBRARY_PATH)
"""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--build-dir", required=True)
    a = ap.parse_args()
    try:
        import venv  # noqa: F401
        import ensurepip  # noqa: F401
    except ImportError:
        print("python3-venv is not installed: skipping the install check")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "src")
        shutil.copytree(HERE, src, ignore=shutil.ignore_patterns(
            "build", "*.egg-info", "__pycache__", "_lib"))
        env_dir = os.path.join(tmp, "venv")
        # Debian's setuptools and wheel build the package: no network, no isolation
        subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", env_dir], check=True)
        py = os.path.join(env_dir, "bin", "python")
        env = dict(os.environ, SKAZ_BUILD_DIR=os.path.abspath(a.build_dir), PIP_NO_INDEX="1",
                   PIP_DISABLE_PIP_VERSION_CHECK="1")
        env.pop("SKAZ_LIBRARY", None)
        env.pop("PYTHONPATH", None)
        subprocess.run([py, "-m", "pip", "install", "--quiet", "--no-build-isolation", src],
                       check=True, env=env)
        clean = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
        subprocess.run([py, "-c", CHECK, env_dir], check=True, env=clean, cwd=tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
