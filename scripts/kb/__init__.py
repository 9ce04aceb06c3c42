"""Knowledge-base generator: reads the YAML data and Markdown sources under docs/, validates them and
renders the generated pages. Plain Python with no MkDocs import, so it runs alone (`python -m scripts.kb`)
and the MkDocs hook only adapts it."""
