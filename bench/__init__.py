"""Benchmark of the public pages on a large synthetic data set (not part of CI)."""
