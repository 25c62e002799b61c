"""``python -m factlint`` runs the command line."""

import sys

from factlint.cli import main

sys.exit(main())
