x = '\N{abc'
