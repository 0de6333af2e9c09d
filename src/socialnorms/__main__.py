"""``python -m socialnorms``: the command line, as the ``socialnorms`` script runs it."""

import sys

from .cli import main

sys.exit(main(prog_name="socialnorms"))
