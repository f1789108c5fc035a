from coalition_graph.cli import main

main()
