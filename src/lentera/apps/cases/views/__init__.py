"""Pages of the case module: the case files and the legal qualification."""
