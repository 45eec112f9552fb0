x = rb'naïve'
