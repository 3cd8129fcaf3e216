"""Entry point for ``python -m desktop``, the ``callbrief`` script and the frozen build."""

import sys

from desktop.launch import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
