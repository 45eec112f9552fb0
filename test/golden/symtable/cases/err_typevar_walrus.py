class C[T: (x := 3)]: pass
