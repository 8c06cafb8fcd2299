"""The parts of the tagging stage: text spans, the place gazetteer; generator.tags puts them together."""
