x = TF'a'
