CREATE COLLATION numeric_sort (provider = icu, locale = 'en-u-kn-true');
COMMENT ON COLLATION numeric_sort IS 'sorts a2 before a10';
