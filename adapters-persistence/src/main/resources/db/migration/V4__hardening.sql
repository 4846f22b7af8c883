-- Hardening (#16).

-- Meta back-pressure: while Meta throttles a pixel, every instance holds its deliveries until
-- paused_until (one row per pixel; a past paused_until is no pause).
CREATE TABLE pixel_throttle (
    meta_pixel_id  text        PRIMARY KEY,
    paused_until   timestamptz NOT NULL
);
