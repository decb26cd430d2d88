"""Benchmark scripts that print the figures the issues ask for (run each as a script)."""
