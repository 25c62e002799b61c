"""``python -m factlint`` runs the command line."""

import sys

from factlint.app.cli import main

sys.exit(main())
