a = 'héllo' + "世界" + 'é'*3
b = ' '  # nbsp in string is fine
