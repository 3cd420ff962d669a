"""Demo content for `manage.py load_demo`, one module per area; images and files are generated."""
