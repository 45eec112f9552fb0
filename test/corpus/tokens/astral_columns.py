s = '😀😀' + 'x'  # 😀 comment
t = f'{s}😀{s}'
u = '''😀
😀''' + s
