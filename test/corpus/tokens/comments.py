# first
#second

   # indented
x = 1  # trailing
    # deeper
	# tab
y = 2 #
#
# last