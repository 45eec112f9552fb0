del obj.__debug__
