terminfo = 1
if terminfo:
 f"{   dirs.append(terminfo)

try:
    home = 1
except:
    pass
