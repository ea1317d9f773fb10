NAME          T
OBJSENSE
ROWS
 N obj
