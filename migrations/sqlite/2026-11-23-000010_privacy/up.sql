-- Clients a member has signed in from, so a sign-in from a new one can be told to them. Only a
-- keyed hash of (browser family, system, address prefix) is kept, never the User-Agent or address.
CREATE TABLE known_clients (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL,
    first_seen_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX known_clients_once ON known_clients (user_id, fingerprint);

-- Usernames of deleted accounts, as a keyed hash only: they cannot be registered again (nobody can
-- take a former member's name), and the name itself is not kept here.
CREATE TABLE retired_usernames (
    name_hash TEXT PRIMARY KEY,
    retired_at TIMESTAMP NOT NULL
);
