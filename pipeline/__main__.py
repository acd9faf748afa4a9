"""`python -m pipeline extract PATH... -o OUT`."""

from pipeline.cli import main

main()
