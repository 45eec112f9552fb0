# only a comment
    
x = 1 +
