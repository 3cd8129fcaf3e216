"""Benchmarks: dataset generator, measurements and the results table (docs/benchmarks.md)."""
