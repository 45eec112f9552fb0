x = rbf'a'
