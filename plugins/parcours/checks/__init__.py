"""Checks of one source at a time: the model's validation turned into located
messages, the valid rest of an invalid file, the placeholders left, the
method's warnings and the onboarding path's pages."""
