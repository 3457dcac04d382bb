"""Who is calling (`Principal`, its roles) and the bearer tokens that say so: below the API so
that the command line, the demo and the benchmarks mint tokens without reaching into `api/`."""
