print("hello from", __name__)
