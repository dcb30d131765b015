"""Who is who: entities and their index, the scan for names, resolution of a mention to an entity."""
