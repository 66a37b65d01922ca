"""``python -m warparse``: the same command line as the ``warparse`` script."""

from warparse.cli import run

if __name__ == "__main__":
    run(prog_name="warparse")
