"""The schema's revisions, oldest first; each one only adds, so no saved quarter is lost."""
