"""The tests: a package, so that their helpers import as ``tests.<module>`` everywhere (pytest,
mypy) and test modules never clash with other top-level names."""
