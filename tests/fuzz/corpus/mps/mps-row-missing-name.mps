NAME          T
ROWS
 N  obj
 L
