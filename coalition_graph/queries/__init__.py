"""Named Cypher and SPARQL queries (the .cypher and .rq files beside this module) and their runner."""
from coalition_graph.queries.named import NAMES, PARAMETERS, bind_sparql, query_text, run_named, shape_rows

__all__ = ["NAMES", "PARAMETERS", "bind_sparql", "query_text", "run_named", "shape_rows"]
