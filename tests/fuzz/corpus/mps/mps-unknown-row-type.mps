NAME          T
ROWS
 N  obj
 Q  c1
