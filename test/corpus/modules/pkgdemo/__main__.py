print("package main", __name__)
