"""newsdigest: raw wire articles in seeds/ to a tag-indexed static news site."""

__version__ = "0.1.0"
