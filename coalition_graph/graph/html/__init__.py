"""The interactive page: template, style and script (inlined into one file at export time) and vendored JS."""
