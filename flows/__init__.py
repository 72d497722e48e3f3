"""Prefect flows that run the newsquotes library over a raw folder."""
