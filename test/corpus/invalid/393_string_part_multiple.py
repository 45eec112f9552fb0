x = "hello" world and more "end"
