CREATE DOMAIN iban AS text;
COMMENT ON DOMAIN iban IS 'International Bank Account Number, no spaces';
