# SystemExit with no code exits with status 0; finally blocks run.
try:
    raise SystemExit
finally:
    print("finally runs")
