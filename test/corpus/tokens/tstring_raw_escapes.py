tr'\{x}' rt'\N{x}' t'\N{BULLET}'
