"""The library as open data: exports, their schema, the feed, the API, the import.

``record`` describes the public record of a project once; every format here
is made from that description.
"""
