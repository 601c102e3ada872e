CREATE TABLE payments (id integer PRIMARY KEY, account integer, amount numeric, paid date);
CREATE VIEW running_balance AS
WITH ordered AS (SELECT account, paid, amount FROM payments)
SELECT ordered.account, ordered.paid, sum(ordered.amount) OVER (PARTITION BY ordered.account ORDER BY ordered.paid ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS balance,
       last.paid AS last_paid
FROM ordered
CROSS JOIN LATERAL (SELECT max(p.paid) AS paid FROM payments p WHERE p.account = ordered.account) last;
