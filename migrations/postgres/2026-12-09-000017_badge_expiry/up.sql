-- A verified clinician's badge lasts a set time (KINDRED_BADGE_MONTHS) from its approval: the
-- approved application says until when, and whether the notice before expiry was sent. Badges
-- approved before this migration run 12 months from their approval.
ALTER TABLE clinician_applications ADD COLUMN expires_at TIMESTAMP;
ALTER TABLE clinician_applications ADD COLUMN expiry_noticed BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE clinician_applications SET expires_at = decided_at + INTERVAL '12 months'
 WHERE status = 'approved' AND decided_at IS NOT NULL;
