"""``python -m begriffe``."""

from begriffe.cli import main

main()
