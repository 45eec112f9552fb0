if x  
    pass
