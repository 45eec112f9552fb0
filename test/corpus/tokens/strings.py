a = 'x' "y" '' "" '\'' "\"" '\\' "a\
b"
b = b'x' B"y" rb'\d' Rb"\d" bR'' BR"" br'' Br"" rB'' RB""
c = r'\n' R"\t" u'x' U"y" r'\'' r"\"" r'\\'
d = """triple
with "quotes" and 'quotes'
""" + '''single
triple'''
e = """""" + '' + """a""\"""" + '''''' + """x\""""
f = """\
continued"""
g = "tab\there" 'nul\0' "\N{BULLET}" "\u1234\U0001F600\x41\101"
h = 'escaped quote \' inside' "and \" here"
i = b"""bytes
triple""" rb'''raw
bytes'''
