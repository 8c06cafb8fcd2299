"""The tagging stage, one module per concern: text spans (text), word lists (lexicon), places (gazetteer, regions),
the editable vocabulary (taxonomy), typing and merging entities (entities), topics, and the tagger that puts them
together (tagger.tag_article)."""
