class A:
    """\u00b6""

class B:
    """\u03c0"""
