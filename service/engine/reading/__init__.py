"""Phrase readers the sieves share: reporting cues, the speaker phrase around a cue, clause subjects, noun phrases."""
