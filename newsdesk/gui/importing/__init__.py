"""File › Import… and files dropped on the list: a preview first, then the import."""
