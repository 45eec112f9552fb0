type X[*T = int] = T
type Y[**P = [int]] = P
