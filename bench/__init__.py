"""Whole-process benchmarks of issue 7: `make bench` runs `python -m bench.run`.

Not part of `make test`. Databases are built once per size and cached under `.bench/`;
results print as one table and are saved to `.bench/results.json`.
"""
