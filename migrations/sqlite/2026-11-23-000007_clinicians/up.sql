-- Applications to be verified as a clinician, reviewed by moderators. One open at a time.
CREATE TABLE clinician_applications (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    npi TEXT NOT NULL,
    license_state TEXT NOT NULL,
    license_number TEXT NOT NULL,
    specialty TEXT NOT NULL,
    note TEXT,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    created_at TIMESTAMP NOT NULL,
    decided_by TEXT,
    decided_at TIMESTAMP,
    reason TEXT
);
CREATE UNIQUE INDEX clinician_applications_one_open ON clinician_applications (user_id) WHERE status = 'pending';
CREATE INDEX clinician_applications_status ON clinician_applications (status, created_at);
-- The specialty on a verified clinician's badge; null when not (or no longer) verified.
ALTER TABLE users ADD COLUMN clinician_specialty TEXT;
