"""``python -m socialnorms``: the command line, as the ``socialnorms`` script runs it."""

import sys

from .cli.commands import main

sys.exit(main(prog_name="socialnorms"))
