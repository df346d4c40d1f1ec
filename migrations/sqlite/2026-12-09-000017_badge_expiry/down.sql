ALTER TABLE clinician_applications DROP COLUMN expiry_noticed;
ALTER TABLE clinician_applications DROP COLUMN expires_at;
