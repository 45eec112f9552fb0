# An uncaught exception deep in calls: traceback with carets, exit status 1.
def average(values):
    return sum(values) / len(values)


def report(groups):
    for name, values in groups:
        print(name, average(values))


report([("a", [1, 2, 3]), ("b", [])])
