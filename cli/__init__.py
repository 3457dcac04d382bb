"""The `thidua` command line: its sub-commands and the supervision of child processes. Nothing
imports this package; it wires everything below it."""
