# SystemExit with a message: printed to stderr, exit status 1.
print("before")
raise SystemExit("fatal: configuration missing")
