-- Schema version 2 of the ConnectWise integration's state, H2 (MODE=PostgreSQL).
-- Upgrades a version 1 database in place; each statement is safe to run twice.

-- When a dead letter was last replayed: its age for the give-up limit counts from then.
ALTER TABLE outbox_item ADD COLUMN IF NOT EXISTS replayed_at BIGINT;

-- Small named values that must survive a restart, such as a poller's watermark.
CREATE TABLE IF NOT EXISTS state_checkpoint (
  name VARCHAR(255) NOT NULL PRIMARY KEY,
  checkpoint_value VARCHAR(1000) NOT NULL,
  updated_at BIGINT NOT NULL
);
