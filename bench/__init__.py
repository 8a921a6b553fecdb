"""The detente benchmark (GitHub issue 5, part 3): run ``python bench/run.py``; see bench/README.md."""
