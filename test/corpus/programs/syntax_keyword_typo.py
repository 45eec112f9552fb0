# A keyword typo: CPython suggests the keyword.
x = 3
whille x > 0:
    x -= 1
