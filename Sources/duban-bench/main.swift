// The benchmark (issue 7). Placeholder until it is written.
print("duban-bench: not written yet")
