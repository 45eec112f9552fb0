print >> f
