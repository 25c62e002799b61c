"""The application: command line, subcommands, configuration, parallel runs."""
