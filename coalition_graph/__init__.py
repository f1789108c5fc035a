"""Coalition Graph: news articles about coalitions of states in, a queryable knowledge graph out."""
__version__ = "0.1.0"
