"""crosscheck core: articles in, claims, events, topics and conflicts out. Never imports a UI."""
