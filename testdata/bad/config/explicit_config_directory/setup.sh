mkdir conf.d
