try:
    pass
except* E:
    break
