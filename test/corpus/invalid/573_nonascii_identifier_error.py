ñame = 1
ñame ñame
