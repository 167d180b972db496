"""The PostgreSQL schema migrations, NNNN_name.sql, applied in order (see ../schema.py)."""
