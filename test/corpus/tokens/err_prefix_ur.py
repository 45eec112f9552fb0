x = uR'a'
