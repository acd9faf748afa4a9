"""`python -m pipeline extract PATH... -o OUT` (same as the `lkjip` command)."""

from pipeline.cli import main

if __name__ == "__main__":
    main()
