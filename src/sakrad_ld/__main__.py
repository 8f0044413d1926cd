"""``python -m sakrad_ld`` does what ``sakrad-ld`` does."""

import sys

from .cli import main

sys.exit(main())
