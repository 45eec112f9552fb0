match (x:
