x = rr'a' bb'' ff'' brb'' bux bu ft uf
