"""The skaz wheel carries libskaz (skaz/_lib/<platform>-<arch>/libskaz.so), so
that an installed package needs no environment variable to find it.

The library comes from, in order: $SKAZ_LIBRARY, $SKAZ_BUILD_DIR, the
repository's build/ folder; when none has it, this builds it there with CMake
(`make build` does the same). Everything else is in pyproject.toml.
"""
import glob
import os
import platform
import shutil
import subprocess
import sys

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def _platform_tag() -> str:  # as skaz._ffi._platform_tag (skaz cannot be imported here)
    return f"{sys.platform}-{platform.machine().lower()}"


def _find_library() -> str:
    env = os.environ.get("SKAZ_LIBRARY")
    if env:
        return env
    builds = [os.environ.get("SKAZ_BUILD_DIR"), os.path.join(ROOT, "build")]
    for build in filter(None, builds):
        found = sorted(glob.glob(os.path.join(build, "libskaz.so*")))
        if found:
            return found[0]
    build = os.path.join(ROOT, "build")
    print(f"skaz: no libskaz found; building it in {build}", file=sys.stderr)
    subprocess.run(["cmake", "-S", ROOT, "-B", build, "-DCMAKE_BUILD_TYPE=Release"], check=True)
    subprocess.run(["cmake", "--build", build, "--target", "skaz", "-j2"], check=True)
    return sorted(glob.glob(os.path.join(build, "libskaz.so*")))[0]


class BuildPy(build_py):
    def run(self) -> None:
        super().run()
        lib = os.path.realpath(_find_library())
        dest = os.path.join(self.build_lib, "skaz", "_lib", _platform_tag())
        os.makedirs(dest, exist_ok=True)
        shutil.copy2(lib, os.path.join(dest, "libskaz.so"))


class BinaryDistribution(Distribution):
    def has_ext_modules(self) -> bool:  # a platform wheel: it holds a native library
        return True


setup(cmdclass={"build_py": BuildPy}, distclass=BinaryDistribution)
