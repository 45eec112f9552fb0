x = Uf'a'
