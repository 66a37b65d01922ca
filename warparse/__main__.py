"""``python -m warparse``: the same command line as the ``warparse`` script."""

from warparse.cli import main

if __name__ == "__main__":
    main(prog_name="warparse")
