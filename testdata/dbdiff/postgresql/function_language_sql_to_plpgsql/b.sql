CREATE FUNCTION fmt_money(c bigint) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN to_char(c / 100.0, 'FM999999990.00');
END
$$;
