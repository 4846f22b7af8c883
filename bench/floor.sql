-- pgbench script of bench/run.sh's latency floor: what a new conversion cannot do without, as Postgres alone does it.
-- Two single-row INSERTs of rows the size of a conversion, each its own transaction with its own durable commit
-- (WAL flushed, synchronous_commit on), one after the other: the creation claimed for delivery before Meta is
-- called, and the outcome with the idempotency completion after (docs/architecture.md; issue #15's design floor).
\set k random(1, 1000000000)
INSERT INTO floor_created (k, v) VALUES (:k, repeat('c', 600));
INSERT INTO floor_completed (k, v) VALUES (:k, repeat('o', 600));
