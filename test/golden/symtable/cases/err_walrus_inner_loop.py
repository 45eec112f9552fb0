[i for i in range(3) for (j := 1) in range(2)]
