"""``python -m warparse``: the same command line as the ``warparse`` script."""

from warparse.launch import run

if __name__ == "__main__":
    run(prog_name="warparse")
