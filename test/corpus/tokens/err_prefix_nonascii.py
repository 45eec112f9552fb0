é = bu'a'
