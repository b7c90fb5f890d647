"""The package version: the one place it is written (pyproject.toml reads it).

The major number is also the libskaz major this package binds: the import
refuses a library whose ``skaz_version_number()`` has another major.
"""

__version__ = "0.1.0"
