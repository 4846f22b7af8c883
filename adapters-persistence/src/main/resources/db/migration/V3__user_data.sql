-- Issue #13: user data for match quality. Only what may be kept is stored: contact fields as the
-- normalised SHA-256 hex digests Meta receives, and the browser signals Meta needs raw (IP, user agent,
-- fbc, fbp). Keys are Meta's user_data keys: {"em": "<sha256>", "client_ip_address": "…", …}.
ALTER TABLE conversions
    ADD COLUMN user_data jsonb NOT NULL DEFAULT '{}'::jsonb
        CHECK (jsonb_typeof(user_data) = 'object'),
    ADD COLUMN action_source text NOT NULL DEFAULT 'chat'
        CHECK (action_source IN ('chat', 'website', 'email', 'phone_call', 'physical_store', 'system_generated',
                                 'business_messaging', 'other')),
    -- null: no Limited Data Use options sent; {"ldu": false} = [] ; {"ldu": true, "country": 1, "state": 1000}
    ADD COLUMN data_processing_options jsonb
        CHECK (data_processing_options IS NULL OR jsonb_typeof(data_processing_options) = 'object');
