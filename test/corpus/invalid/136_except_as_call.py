try:
    pass
except ValueError as f():
    pass
