NAME          T
ROWS
 N  obj
 L  c1
 G  c1
