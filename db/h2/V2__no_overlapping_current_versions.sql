-- PostgreSQL adds an exclusion constraint here (V2). H2 has none; the store's layer lock serialises writers.
SELECT 1;
