CREATE DOMAIN iban AS text;
