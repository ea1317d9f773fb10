NAME          T
ROWS
 N  obj
COLUMS
