CREATE TYPE dims AS (w real, h real, d real);
