    x  obj  1
NAME
