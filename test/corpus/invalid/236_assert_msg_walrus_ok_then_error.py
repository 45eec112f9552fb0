assert (x := 1), y +
