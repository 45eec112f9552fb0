x = a << not b
