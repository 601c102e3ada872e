CREATE COLLATION numeric_sort (provider = icu, locale = 'en-u-kn-true');
