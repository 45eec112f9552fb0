t'{a $ b}'
