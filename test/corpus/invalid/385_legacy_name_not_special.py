foo "hello"
