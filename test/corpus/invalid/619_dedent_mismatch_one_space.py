class A:
  def f(): pass
 x
