"""`python -m khabar.cli`: the command line."""

from khabar.cli import main

main()
